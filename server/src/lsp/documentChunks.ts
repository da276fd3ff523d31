// The language server's chunks are the engine's: the CLI splits the same text the same way (see
// engine/documentSplit.ts), so an edit re-parses only the document it touched and the editor still
// shows what `podscope lint` prints.
export { splitDocuments, type Chunk } from '../engine/documentSplit';
