// Runs each task of tasks.json the way VS Code would (command, args, cwd,
// with ${workspaceFolder} and ${file} substituted), then applies the task's
// problem matcher to every output line as VS Code's single-line matcher does
// (src/vs/workbench/contrib/tasks/common/problemMatcher.ts): a JavaScript
// RegExp built from "regexp", groups picked by index, the file resolved
// against "fileLocation", the severity mapped by name. Prints the markers.
//
//   node editors/vscode/try-problem-matcher.js WORKSPACE_FOLDER FILE
//
// Exits 1 if an output line is not matched or a file does not exist.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [workspaceFolder, file] = process.argv.slice(2).map((p) => path.resolve(p));
const tasks = JSON.parse(fs.readFileSync(path.join(__dirname, 'tasks.json'), 'utf8')).tasks;
const subst = (s) => s.replace(/\$\{workspaceFolder\}/g, workspaceFolder).replace(/\$\{file\}/g, file);
const severityOf = (v) => ({ error: 'Error', warning: 'Warning', warn: 'Warning', info: 'Info' })[v.toLowerCase()] || 'Error';

let bad = 0;
for (const task of tasks) {
  const m = task.problemMatcher;
  const p = m.pattern;
  const regexp = new RegExp(p.regexp);
  const [kind, prefix] = m.fileLocation;
  if (kind !== 'relative') throw new Error(`unexpected fileLocation ${kind}`);
  const args = task.args.map(subst);
  const run = spawnSync(task.command, args, { cwd: subst(task.options.cwd), encoding: 'utf8' });
  console.log(`== task "${task.label}": ${task.command} ${args.join(' ')} (exit ${run.status})`);
  for (const line of run.stdout.split('\n').filter((l) => l.length > 0)) {
    const g = regexp.exec(line);
    if (!g) {
      console.log(`  NOT MATCHED: ${line}`);
      bad++;
      continue;
    }
    const resource = path.join(subst(prefix), g[p.file]);
    const exists = fs.existsSync(resource);
    if (!exists) bad++;
    console.log('  ' + JSON.stringify({
      resource: path.relative(workspaceFolder, resource) + (exists ? '' : ' (MISSING)'),
      owner: m.owner,
      source: m.source,
      severity: severityOf(g[p.severity]),
      code: g[p.code],
      startLineNumber: Number(g[p.line]),
      startColumn: Number(g[p.column]),
      message: g[p.message],
    }));
  }
}
process.exit(bad ? 1 : 0);
