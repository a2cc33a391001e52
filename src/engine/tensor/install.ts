/**
 * Importing this module installs the tensor engine, so that `analyze` reads tensor programs
 * (see `hook.ts`). The CLI and the engine's tests import it up front; a page imports it lazily.
 */
import { installTensorEngine } from './hook';
import * as practice from './practice';
import { analyzeTensor } from './run';

installTensorEngine({ analyze: analyzeTensor, practice });
