// Parses each .tf file listed (one path a line) in argv[2] with HashiCorp's HCL (wasm, @cdktf/hcl2json) and prints
//   path \t OK \t canonical-structure     or     path \t FAIL \t first line of the error
// The canonical structure is the one HclDiff builds from our tree: maps of keys (sorted), lists of block bodies,
// '*' for any other value. Install the peer with: npm install --prefix /tmp/hclpeer @cdktf/hcl2json@0.21.0
const fs = require("fs");
const path = require("path");
const peer = process.env.HCLPEER || "/tmp/hclpeer";
const hcl = require(path.join(peer, "node_modules", "@cdktf", "hcl2json"));

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const key = (k) => '"' + k.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
// With --values, leaves are compared too: numbers as #n, bool/null as themselves, strings JSON-quoted
// (hcl2json renders a non-literal expression as "${source text}", so this checks expression spans).
const values = process.argv.includes("--values");
// With --json-out DIR, also writes HashiCorp's JSON rendering of file i to DIR/i.tf.json (for our .tf.json reader).
const jsonOut = process.argv.includes("--json-out") ? process.argv[process.argv.indexOf("--json-out") + 1] : null;
function canon(v) {
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(isObj)) return "[" + v.map(canon).join(",") + "]";
    return values ? "(" + v.map(canon).join(",") + ")" : "*";
  }
  if (isObj(v)) return "{" + Object.keys(v).sort().map((k) => key(k) + ":" + canon(v[k])).join(",") + "}";
  if (!values) return "*";
  if (typeof v === "number") return "#" + String(v);
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

(async () => {
  const files = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.length > 0);
  const out = [];
  for (const f of files) {
    let line;
    try {
      const json = await hcl.parse(path.basename(f), fs.readFileSync(f, "utf8"));
      line = f + "\tOK\t" + canon(json);
      if (jsonOut) fs.writeFileSync(path.join(jsonOut, String(files.indexOf(f)) + ".tf.json"), JSON.stringify(json, null, 2));
    } catch (e) {
      line = f + "\tFAIL\t" + String(e).split("\n")[0].replace(/\t/g, " ");
    }
    out.push(line);
    if (out.length >= 200) { process.stdout.write(out.join("\n") + "\n"); out.length = 0; }
  }
  if (out.length) process.stdout.write(out.join("\n") + "\n");
})();
