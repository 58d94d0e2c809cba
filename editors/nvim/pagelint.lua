-- pagelint for Neovim, through nvim-lint (https://github.com/mfussenegger/nvim-lint).
--
-- Copy this file to ~/.config/nvim/lua/pagelint.lua and add to init.lua:
--
--   require('pagelint').setup()
--
-- The buffer is piped to `pagelint check --stdin-filename <buffer path> -`, so
-- unsaved text is linted with the schema, images and shortcodes of the site
-- the file belongs to. Findings come back in the concise format,
--   path:line:col: severity[rule] message
-- and become vim.diagnostic entries (code = the rule name, source = pagelint).

local M = {}

-- Lua pattern for one concise line. The path is skipped (the buffer is the
-- only document on stdin); `.-` is lazy, so a message containing
-- `:1:2: error[x]` cannot shift the match.
M.pattern = '^.-:(%d+):(%d+): (%a+)%[([%w-]+)%] (.*)$'
M.groups = { 'lnum', 'col', 'severity', 'code', 'message' }

M.args = {
  'check', '--format', 'concise', '--color', 'never',
  '--stdin-filename', function() return vim.api.nvim_buf_get_name(0) end,
  '-',
}

-- pagelint counts columns in characters; vim.diagnostic wants byte offsets.
-- They differ after any non-ASCII text on the line (CJK titles, for one).
local function chars_to_bytes(diagnostics, bufnr)
  for _, d in ipairs(diagnostics) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
    if line then
      local byte = vim.fn.byteidxcomp(line, d.col)
      if byte >= 0 then
        d.col = byte
        d.end_col = byte
      end
    end
  end
  return diagnostics
end
M.chars_to_bytes = chars_to_bytes

function M.linter()
  local severities = {
    error = vim.diagnostic.severity.ERROR,
    warning = vim.diagnostic.severity.WARN,
  }
  local parse = require('lint.parser').from_pattern(
    M.pattern, M.groups, severities, { source = 'pagelint' })
  return {
    name = 'pagelint',
    cmd = 'pagelint',
    stdin = true,
    args = M.args,
    stream = 'stdout',
    ignore_exitcode = true, -- exit 1 means "errors found", not a failure
    parser = function(output, bufnr, cwd)
      return chars_to_bytes(parse(output, bufnr, cwd), bufnr)
    end,
  }
end

-- Files to lint. pagelint checks any file it is given as a page of the site
-- around it, so a README.md or an archetype would get findings that make no
-- sense: by default only Markdown under a `content` folder is linted. Pass
-- your own autocmd patterns for another layout: setup({ files = { ... } }).
M.files = { '*/content/*.md', '*/content/*.markdown', '*/content/*.mdown' }

function M.setup(opts)
  opts = opts or {}
  local lint = require('lint')
  lint.linters.pagelint = M.linter()
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufWritePost', 'InsertLeave' }, {
    pattern = opts.files or M.files,
    callback = function() lint.try_lint('pagelint') end,
  })
end

return M
