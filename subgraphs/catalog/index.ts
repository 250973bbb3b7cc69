import { runDepartment } from '../../platform/main.js';
import { catalog } from './department.js';

await runDepartment(catalog);
