// Throughput of jieba-rs (Rust, via the npm package @node-rs/jieba) on the given files: cut and
// POS tagging (the nr/ns/nt tags a tagger-based NER would use). Prints one line per mode.
// Usage: node jieba_rs.js FILE...   (run by scripts/peers, which installs the package)
const fs = require('fs');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');

const jieba = Jieba.withDict(dict);
const texts = process.argv.slice(2).map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

function rate(label, fn) {
  fn(texts[0]); // warm up: the dictionary's lazy structures
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    let tokens = 0;
    for (const s of texts) tokens += fn(s).length;
    runs.push({ secs: Number(process.hrtime.bigint() - t) / 1e9, tokens });
  }
  runs.sort((a, b) => a.secs - b.secs);
  const m = runs[1];
  console.log(`jieba-rs ${label}: ${(bytes / 1e6 / m.secs).toFixed(2)} MB/s (${(bytes / 1e6).toFixed(1)} MB, median of 3)`);
}

rate('cut', (s) => jieba.cut(s, true));
rate('tag', (s) => jieba.tag(s, true));
