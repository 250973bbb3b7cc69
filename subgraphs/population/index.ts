import { runDepartment } from '../../platform/main.js';
import { population } from './department.js';

await runDepartment(population);
