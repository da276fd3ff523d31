// The pod explorer's public face: what the extension's context starts and holds. Each feature lives in its folder:
// cluster/ (all cluster access), pod/ (shared pod knowledge), tree/, logs/, exec/, actions/, details/, dryRun/.
export { startExplorer, type Explorer } from './tree/explorer';
