// A tiny Node web app on the built-in modules only.
const http = require('http');

http.createServer((req, res) => {
  const body = JSON.stringify({ node: process.version, url: req.url });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}).listen(8094, '0.0.0.0');
