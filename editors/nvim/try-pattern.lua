-- Tries pagelint.lua's pattern without nvim-lint: pipes the current buffer to
-- pagelint exactly as the linter definition does (same args, buffer on
-- stdin), parses stdout the way nvim-lint's from_pattern does (string.match,
-- groups by name, col - 1), fixes columns to bytes, sets the diagnostics
-- with vim.diagnostic.set and prints what vim.diagnostic.get returns.
--
--   nvim --headless -u NONE -i NONE FILE \
--     -c 'luafile editors/nvim/try-pattern.lua' -c 'cquit!'
--
-- (The trailing `cquit!` makes Neovim exit with a failure if this file
-- cannot even be loaded.)
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local pagelint = dofile(here .. '/pagelint.lua')
local out = function(s) io.stdout:write(s .. '\n') end

-- Any error ends Neovim with a failure status instead of leaving it waiting.
local ok, passed = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  local cmd = { 'pagelint' }
  for _, a in ipairs(pagelint.args) do
    table.insert(cmd, type(a) == 'function' and a() or a)
  end
  local output = vim.fn.system(cmd, text)
  out('$ ' .. table.concat(cmd, ' ') .. ' < buffer   (exit ' .. vim.v.shell_error .. ')')
  out(output)

  local severities = { error = vim.diagnostic.severity.ERROR, warning = vim.diagnostic.severity.WARN }
  local diagnostics, unmatched = {}, 0
  for line in vim.gsplit(output, '\n', true) do
    local m = { line:match(pagelint.pattern) }
    if #m > 0 then
      local c = {}
      for i, group in ipairs(pagelint.groups) do c[group] = m[i] end
      table.insert(diagnostics, {
        lnum = tonumber(c.lnum) - 1, col = tonumber(c.col) - 1, end_col = tonumber(c.col) - 1,
        severity = severities[c.severity], code = c.code, message = c.message, source = 'pagelint',
      })
    elseif line ~= '' then
      unmatched = unmatched + 1
      out('NOT MATCHED: ' .. line)
    end
  end
  pagelint.chars_to_bytes(diagnostics, bufnr)
  local ns = vim.api.nvim_create_namespace('pagelint')
  vim.diagnostic.set(ns, bufnr, diagnostics)

  out('vim.diagnostic.get(' .. bufnr .. '):')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
    out(string.format('  lnum=%d col=%d severity=%s code=%s source=%s message=%q  text at col: %q',
      d.lnum, d.col, vim.diagnostic.severity[d.severity], d.code, d.source, d.message,
      line:sub(d.col + 1, d.col + 12)))
  end
  return unmatched == 0 and #diagnostics > 0
end)
if not ok then io.stderr:write(tostring(passed) .. '\n') end
vim.cmd((ok and passed) and 'qall!' or 'cquit!')
