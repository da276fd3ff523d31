// Routes `require('vscode')` to the stand-in, so modules written for the extension host load in plain Node. Call
// before the first (dynamic) import of such a module; the route is removed after the test file.
import { after } from 'node:test';
import Module from 'node:module';
import * as fake from './fakeVscode';

export function useFakeVscode(): typeof fake {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake : originalLoad.call(this, request, ...rest);
  };
  after(() => { loader._load = originalLoad; });
  return fake;
}
