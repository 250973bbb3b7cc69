import { runDepartment } from '../../platform/main.js';
import { certificates } from './department.js';

await runDepartment(certificates);
