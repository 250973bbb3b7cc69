import { runDepartment } from '../../platform/main.js';
import { audit } from './department.js';

await runDepartment(audit);
