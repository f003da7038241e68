var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/ids.ts
import GithubSlugger, { slug } from "github-slugger";
var VALID_ID;
var init_ids = __esm({
  "src/core/ids.ts"() {
    "use strict";
    VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
  }
});

// src/core/nearest.ts
import { distance } from "fastest-levenshtein";
function fold(name) {
  return name.toLowerCase().replace(/[\s_-]+/g, "").replace(/:+$/, "");
}
function allowed(length) {
  if (length < 3) return 0;
  if (length < 5) return 1;
  if (length < 12) return 2;
  return 3;
}
function nearest(name, candidates) {
  const folded = fold(name);
  let best;
  for (const candidate of candidates) {
    const other = fold(candidate);
    const cost = distance(folded, other);
    if (cost > allowed(Math.max(folded.length, other.length))) continue;
    if (!best || cost < best.cost) best = { candidate, cost };
  }
  return best?.candidate;
}
var init_nearest = __esm({
  "src/core/nearest.ts"() {
    "use strict";
  }
});

// src/core/text.ts
function oneLine(text) {
  return text.replace(/\s*[\n\r\u2028\u2029]\s*/g, " ").trim();
}
var init_text = __esm({
  "src/core/text.ts"() {
    "use strict";
  }
});

// src/dialects/markdown/front-matter.ts
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
function errorOffset(doc, problem) {
  const at = problem.pos[0];
  let opening = at;
  if (problem.code === "MISSING_CHAR" && /quote/.test(problem.message)) {
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range && node.range[0] < at && node.range[1] >= at) opening = node.range[0];
      }
    });
  } else if (/end with an? [\]}]/.test(problem.message)) {
    const flow = (node) => {
      if (node.flow && node.range && node.range[0] < at && node.range[1] >= at) opening = node.range[0];
    };
    visit(doc, { Seq: (_key, node) => flow(node), Map: (_key, node) => flow(node) });
  }
  return opening;
}
function yamlMessage(problem) {
  if (problem.code === "MISSING_CHAR" && /quote/.test(problem.message)) {
    const quote = problem.message.includes("'") ? "'" : '"';
    return `front matter is not valid YAML: the ${quote} opened here is never closed; end the text with ${quote}`;
  }
  if (problem.code === "BLOCK_AS_IMPLICIT_KEY") {
    return 'front matter is not valid YAML: a value holds ": "; put the value in quotes (title: "Serving: the basics")';
  }
  return `front matter is not valid YAML: ${problem.message.split("\n")[0]}; fix the YAML (quote values that hold ": " or start with a special character)`;
}
function readFrontMatter(node, report) {
  const front = {};
  const origin = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines, prettyErrors: false });
  const at = (offset) => {
    if (offset === void 0) return origin;
    const pos = lines.linePos(offset);
    return { line: origin.line + pos.line, column: pos.col };
  };
  const problem = doc.errors[0];
  if (problem) {
    report("error", "front-matter", at(errorOffset(doc, problem)), yamlMessage(problem));
    return front;
  }
  if (doc.contents === null) return front;
  if (!isMap(doc.contents)) {
    report("error", "front-matter", origin, "front matter must be a mapping of keys: write one `key: value` per line (title, id, passMark, shuffle)");
    return front;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPlace = at(isScalar(pair.key) ? pair.key.range?.[0] : void 0);
    const node2 = isAlias(pair.value) ? pair.value.resolve(doc) ?? null : pair.value;
    const value = isScalar(node2) ? node2.value : node2 === null ? null : isAlias(node2) ? void 0 : node2.toJSON();
    const valuePlace = isScalar(pair.value) || isAlias(pair.value) ? at(pair.value.range?.[0]) : keyPlace;
    switch (key) {
      case "title":
        if (typeof value === "string" && value.trim()) front.title = oneLine(value);
        else report("error", "front-matter", valuePlace, "front matter `title` must be a non-empty string; write the title, or remove the key to use the file name");
        break;
      case "id":
        if (typeof value === "string" && VALID_ID.test(value)) front.id = value;
        else report("error", "front-matter", valuePlace, "front matter `id` must be letters, digits, '-', '_', '.' or ':', starting with a letter or digit; change it, or remove the key to use the file name's slug");
        break;
      case "passMark":
        if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100) front.passMark = value;
        else report("error", "front-matter", valuePlace, "front matter `passMark` must be a number from 0 to 100 (a percent)");
        break;
      case "shuffle":
        if (typeof value === "boolean") front.shuffle = value;
        else report("error", "front-matter", valuePlace, "front matter `shuffle` must be true or false");
        break;
      default: {
        const meant = nearest(key, KEYS);
        if (meant === void 0) {
          report("warning", "unknown-key", keyPlace, `unknown front matter key \`${key}\` is ignored (known: ${KEYS.join(", ")}); remove it, or keep it if another tool reads it`);
        } else {
          report("error", "unknown-key", keyPlace, `unknown front matter key \`${key}\`: as written, ${DEFAULTS[meant]}; did you mean \`${meant}\`?`, meant);
        }
      }
    }
  }
  return front;
}
var KEYS, DEFAULTS;
var init_front_matter = __esm({
  "src/dialects/markdown/front-matter.ts"() {
    "use strict";
    init_ids();
    init_nearest();
    init_text();
    KEYS = ["title", "id", "passMark", "shuffle"];
    DEFAULTS = {
      title: "the quiz keeps the file name as its title",
      id: "the quiz's id stays the slug of the file name",
      passMark: "the pass mark stays 70",
      shuffle: "the questions keep the file order unless --shuffle is given"
    };
  }
});

// src/dialects/markdown/remark-pipeline.ts
var remark_pipeline_exports = {};
__export(remark_pipeline_exports, {
  parseRemark: () => parseRemark,
  readFrontMatter: () => readFrontMatter
});
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
function remarkTablesAndTasks() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
function parseRemark(source) {
  return processor.parse(source);
}
var processor;
var init_remark_pipeline = __esm({
  "src/dialects/markdown/remark-pipeline.ts"() {
    "use strict";
    init_front_matter();
    processor = unified().use(remarkParse).use(remarkTablesAndTasks).use(remarkFrontmatter, ["yaml"]);
  }
});

// src/dialects/markdown/plain.ts
var UNSAFE = /[\\`*_[\]<&|\0-\x1f\x7f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
var HEADING = /^(#{1,6})( +)(.*)$/;
var ORDERED = /^(\d{1,9})([.)]) /;
var TASK = /^\[([ xX])\] /;
var BLANK = /^ +$/;
var IMAGE = /^!\[([^\]]*)\]\(([^\s()<>\\&`'"]+)\)$/;
var FENCE_OPEN = /^(`{3,}|~{3,})([\w+.#-]*)$/;
var FENCE_LIKE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
var CODE_UNSAFE = /[\0-\x1f\x7f]/;
var STARTS_TEXT = /^[\p{L}\p{N}"'(),.;:?!$%@^{}/]/u;
function plain(text) {
  return text !== "" && !UNSAFE.test(text) && text[0] !== " " && text[text.length - 1] !== " ";
}
function phrasing(text, at, from) {
  if (!text.includes("`")) return plain(text) ? [{ type: "text", value: text, position: { start: at(from), end: at(from + text.length) } }] : null;
  const parts = text.split("`");
  if (text.includes("``") || parts.length % 2 === 0 || text[0] === " " || text[text.length - 1] === " ") return null;
  const nodes = [];
  let column = from;
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 0) {
      if (UNSAFE.test(part)) return null;
      if (part !== "") nodes.push({ type: "text", value: part, position: { start: at(column), end: at(column + part.length) } });
      column += part.length;
    } else {
      if (CODE_UNSAFE.test(part)) return null;
      const value = part.length > 2 && part[0] === " " && part[part.length - 1] === " " && part.trim() !== "" ? part.slice(1, -1) : part;
      nodes.push({ type: "inlineCode", value, position: { start: at(column), end: at(column + part.length + 2) } });
      column += part.length + 2;
    }
  }
  return nodes;
}
function startsText(text) {
  return (STARTS_TEXT.test(text) || text[0] === "`") && !/^\d{1,9}[.)](?: |$)/.test(text);
}
function parsePlain(source) {
  const children = [];
  let paragraph = null;
  let code = null;
  let codeLines = [];
  let codeBlanks = [];
  let fence = null;
  let list = null;
  let marker = "";
  let blank = false;
  let line = 1;
  let start = 0;
  const at = (column) => ({ line, column, offset: start + column - 1 });
  const closeList = () => {
    if (list) {
      list.position.end = { ...list.children.at(-1).position.end };
      children.push(list);
      list = null;
    }
  };
  const closeCode = () => {
    if (code) {
      code.value = codeLines.join("\n").replace(/\n$/, "");
      children.push(code);
      code = null;
    }
  };
  const closeParagraph = () => {
    if (paragraph) {
      children.push(paragraph);
      paragraph = null;
    }
  };
  while (start <= source.length) {
    const newline = source.indexOf("\n", start);
    const end = newline === -1 ? source.length : newline;
    const text = source.slice(start, end);
    const indented = text.startsWith("    ");
    if (fence) {
      const close = FENCE_LIKE.exec(text);
      if (close && close[1][0] === fence.marks[0]) {
        if (close[0] !== close[1] || close[1].length < fence.marks.length) return null;
        fence.node.value = fence.lines.join("\n");
        fence.node.position.end = at(text.length + 1);
        children.push(fence.node);
        fence = null;
      } else {
        if (CODE_UNSAFE.test(text)) return null;
        fence.lines.push(text);
      }
      blank = false;
    } else if (text.startsWith("```") || text.startsWith("~~~")) {
      const open = FENCE_OPEN.exec(text);
      if (!open || paragraph || code || list && !blank || open[1][0] === "`" && open[2].includes("`")) return null;
      closeList();
      fence = { marks: open[1], lines: [], node: { type: "code", lang: open[2] === "" ? null : open[2], meta: null, value: "", position: { start: at(1), end: at(1) } } };
      blank = false;
    } else if (code && (indented || BLANK.test(text) || text === "")) {
      if (indented) {
        if (CODE_UNSAFE.test(text)) return null;
        codeLines.push(...codeBlanks, text.slice(4));
        codeBlanks = [];
        code.position.end = at(text.length + 1);
      } else {
        codeBlanks.push("");
      }
      blank = !indented;
    } else if (text === "" || BLANK.test(text)) {
      closeParagraph();
      blank = true;
    } else if (indented) {
      if (paragraph || list || CODE_UNSAFE.test(text)) return null;
      code = { type: "code", lang: null, meta: null, value: "", position: { start: at(1), end: at(text.length + 1) } };
      codeLines = [text.slice(4)];
      codeBlanks = [];
      blank = false;
    } else if (text[0] === "#") {
      closeCode();
      const match = HEADING.exec(text);
      if (!match) return null;
      const content = match[3];
      const from = match[1].length + match[2].length + 1;
      const nodes = content.endsWith("#") ? null : phrasing(content, at, from);
      if (nodes === null) return null;
      closeParagraph();
      closeList();
      const heading = { type: "heading", depth: match[1].length, children: nodes, position: { start: at(1), end: at(text.length + 1) } };
      children.push(heading);
      blank = false;
    } else {
      const ordered = ORDERED.exec(text);
      const bullet = text.startsWith("- ");
      if (ordered || bullet) {
        if (paragraph) return null;
        if (code || !list && children.at(-1)?.type === "code") return null;
        closeCode();
        const kind = ordered ? ordered[2] : "-";
        if (list && kind !== marker && !blank) return null;
        let from = ordered ? ordered[0].length + 1 : 3;
        let content = text.slice(from - 1);
        let checked = null;
        const marked = from;
        const task = TASK.exec(content);
        if (task) {
          checked = task[1] !== " ";
          from += task[0].length;
          content = content.slice(task[0].length);
        }
        const nodes = startsText(content) ? phrasing(content, at, from) : null;
        if (nodes === null) return null;
        if (list && kind !== marker) closeList();
        if (!list) {
          list = { type: "list", ordered: ordered !== null, start: ordered ? Number(ordered[1]) : null, spread: false, children: [], position: { start: at(1), end: at(1) } };
          marker = kind;
        } else if (blank) {
          list.spread = true;
        }
        const body = { type: "paragraph", children: nodes, position: { start: at(task && nodes[0].type !== "text" ? marked : from), end: at(text.length + 1) } };
        const item = { type: "listItem", spread: false, checked, children: [body], position: { start: at(1), end: at(text.length + 1) } };
        list.children.push(item);
        blank = false;
      } else {
        if (list && !blank) return null;
        const image = IMAGE.exec(text);
        if (image) {
          if (paragraph || image[1] !== "" && !plain(image[1])) return null;
          closeCode();
          closeList();
          const node = { type: "image", title: null, url: image[2], alt: image[1], position: { start: at(1), end: at(text.length + 1) } };
          paragraph = { type: "paragraph", children: [node], position: { start: at(1), end: at(text.length + 1) } };
        } else {
          const nodes = startsText(text) && paragraph?.children[0]?.type !== "image" ? phrasing(text, at, 1) : null;
          if (nodes === null) return null;
          closeCode();
          closeList();
          if (paragraph) {
            const last = paragraph.children.at(-1);
            if (last.type === "text") {
              last.value += "\n";
              last.position.end = at(1);
            } else {
              paragraph.children.push({ type: "text", value: "\n", position: { start: { ...paragraph.position.end }, end: at(1) } });
            }
            const joined = paragraph.children.at(-1);
            const first = nodes[0];
            if (first.type === "text") {
              joined.value += first.value;
              joined.position.end = first.position.end;
              nodes.shift();
            }
            paragraph.children.push(...nodes);
            paragraph.position.end = at(text.length + 1);
          } else {
            paragraph = { type: "paragraph", children: nodes, position: { start: at(1), end: at(text.length + 1) } };
          }
        }
        blank = false;
      }
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  if (fence) return null;
  closeParagraph();
  closeCode();
  closeList();
  return { type: "root", children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: source.length - start + 1, offset: source.length } } };
}

// src/dialects/markdown/remark.ts
var pipeline;
async function loadRemark() {
  pipeline ??= await Promise.resolve().then(() => (init_remark_pipeline(), remark_pipeline_exports));
}
function loaded() {
  if (pipeline === void 0) throw new Error("remark is not loaded: load the Markdown dialect with the text it reads (src/dialects/index.ts), or call loadRemark() first");
  return pipeline;
}
function parseRemark2(source) {
  return loaded().parseRemark(source);
}

// .cmp.mts
import { isDeepStrictEqual } from "node:util";
await loadRemark();
var pieces = ["# Q1", "### Accepted Answers", "- a1", "- [x] yes", "- [ ] no", "- [X] Up", "", "", "Some text here.", "More text", "1. one", "2) two", "10. ten", "3. three", "## Sub {#id}", "#  Spaced", "  indented", "- ", "---", "===", "a | b", "- 1. x", "* star", "+ plus", "# Title #", "x  ", "2024 was", "1.", "- - a", "###### six", "####### seven", "- a: b", "- (a)", "{Answer} x", "# \xE9 \xFC", "\xFCn\xEF \u{1D4B3} text", "- \u{1D4B3}", "    code *x*", "    ", "", "      deeper", "        ", "   three", "    {Answer} 1", "  ", "	Tab", "    a	b", "```", "```sh", "~~~", "````", " ```", "``` sh", "```a`b", "# in code", "```  ", "![Answer](images/a.png)", "![](x)", "![a b](x y)", "![*a*](x.png)", "![Answer](a.png) x", "x ![Answer](a.png)", "![A](<a.png>)", '![A](a.png "t")', "![A](a%20b.png)", "![A](a(b).png)", "a `x` b", "`y` start", "end `z`", "- `k` item", "# H `c`", "a ` x ` b", "a `  ` b", "a ``x`` b", "odd ` tick", "`*not em*` x", "x `<b>` y", "`a|b`", "- [x] `done`", "1. `one` two", "a `x`y`z` b"];
var seed = 1;
var rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
var ok = 0;
var bad = 0;
var nulls = 0;
for (let i = 0; i < 2e5; i++) {
  const n = 1 + Math.floor(rnd() * 8);
  const lines = [];
  for (let j = 0; j < n; j++) lines.push(pieces[Math.floor(rnd() * pieces.length)]);
  const src = lines.join("\n") + (rnd() < 0.7 ? "\n" : "");
  const p = parsePlain(src);
  if (p === null) {
    nulls++;
    continue;
  }
  const r = parseRemark2(src);
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(p)), JSON.parse(JSON.stringify(r)))) ok++;
  else {
    bad++;
    if (bad < 6) {
      console.log(JSON.stringify(src));
      console.log(JSON.stringify(p));
      console.log(JSON.stringify(r));
    }
  }
}
console.log({ ok, bad, nulls });
