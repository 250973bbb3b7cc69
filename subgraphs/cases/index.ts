import { runDepartment } from '../../platform/main.js';
import { cases } from './department.js';

await runDepartment(cases);
