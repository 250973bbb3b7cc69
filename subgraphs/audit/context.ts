import type { DepartmentContext } from '../../platform/context.js';
import type { Loaders } from './loaders.js';

export type Context = DepartmentContext<Loaders>;
