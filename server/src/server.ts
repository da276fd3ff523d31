// Language server entry (bundled as dist/server.js). Filled in by the LSP work.
import { startServer } from './lsp/startServer';

startServer();
