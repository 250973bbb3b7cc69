import { runDepartment } from '../../platform/main.js';
import { evaluation } from './department.js';

await runDepartment(evaluation);
