// Tokenizes .dl files with the extension's grammar, as VS Code does (vscode-textmate on the
// oniguruma regex engine), and prints one JSON object per file: its lines' tokens and scopes.
//   NODE_PATH=.../node_modules node tokenize.js GRAMMAR FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

async function main() {
  const [grammarPath, ...files] = process.argv.slice(2);
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.distrogen');
  for (const file of files) {
    let state = textmate.INITIAL;
    const lines = [];
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const result = grammar.tokenizeLine(line, state);
      lines.push(result.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes })));
      state = result.ruleStack;
    }
    process.stdout.write(JSON.stringify({ file, lines }) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
