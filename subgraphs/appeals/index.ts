import { runDepartment } from '../../platform/main.js';
import { appeals } from './department.js';

await runDepartment(appeals);
