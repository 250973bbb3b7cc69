import { runDepartment } from '../../platform/main.js';
import { market } from './department.js';

await runDepartment(market);
