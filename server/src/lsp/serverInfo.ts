// Name and version reported by `initialize` and `podscope --version`, read from package.json at build time.
import pkg from '../../../package.json';

export const SERVER_INFO: { name: string; version: string } = { name: 'podscope', version: pkg.version };
