import { runDepartment } from '../../platform/main.js';
import { regions } from './department.js';

await runDepartment(regions);
