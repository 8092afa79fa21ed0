// Reads a JSON array of Mermaid texts on stdin; writes, for each, what Mermaid's own
// parser made of it: {ok, error} and the flowchart's vertices, edges and subgraphs.
// One process for every diagram, so the test stays fast. Run by
// tests/unit/interop/test_mermaid_parser.py (npm ci --prefix tests/js installs it).
import { JSDOM } from "jsdom";

const { window } = new JSDOM("");
globalThis.window = window; // DOMPurify, which Mermaid sanitises labels with, needs a DOM
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const text of texts) {
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    results.push({
      ok: true,
      type: diagram.type,
      vertices: [...db.getVertices().values()].map((v) => ({
        id: v.id, text: v.text, type: v.type ?? null, classes: v.classes ?? [],
      })),
      edges: db.getEdges().map((e) => ({
        start: e.start, end: e.end, text: e.text ?? "", stroke: e.stroke, type: e.type,
      })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: s.title, nodes: s.nodes })),
    });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error).split("\n").slice(0, 6).join("\n") });
  }
}
process.stdout.write(JSON.stringify(results));
