-- Tries pagelint.lua with nvim-lint itself: loads the plugin from $NVIM_LINT,
-- calls require('pagelint').setup(), fires the autocmd it installs, waits for
-- the diagnostics nvim-lint publishes and prints them; then edits the buffer
-- without saving (fills in line 7) and lints again, to show that the buffer,
-- not the file on disk, is what pagelint reads.
--
--   NVIM_LINT=/path/to/nvim-lint nvim --headless -u NONE -i NONE FILE \
--     -c 'luafile editors/nvim/try-nvim-lint.lua' -c 'cquit!'
--
-- (The trailing `cquit!` makes Neovim exit with a failure if this file
-- cannot even be loaded.)
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local out = function(s) io.stdout:write(s .. '\n') end

-- Any error ends Neovim with a failure status instead of leaving it waiting.
local ok, passed = pcall(function()
  vim.opt.runtimepath:prepend(assert(os.getenv('NVIM_LINT'), 'set NVIM_LINT to an nvim-lint checkout'))
  package.path = here .. '/?.lua;' .. package.path

  require('pagelint').setup()
  local bufnr = vim.api.nvim_get_current_buf()

  local changes = 0 -- DiagnosticChanged events for the buffer (Neovim 0.7+)
  vim.api.nvim_create_autocmd('DiagnosticChanged', {
    buffer = bufnr,
    callback = function() changes = changes + 1 end,
  })

  local function lint_and_print(label)
    vim.diagnostic.reset(nil, bufnr)
    local before = changes
    vim.cmd('doautocmd BufWritePost') -- the autocmd from setup() runs try_lint('pagelint')
    assert(vim.wait(10000, function() return changes > before end, 10), 'nvim-lint published nothing')
    local diagnostics = vim.diagnostic.get(bufnr)
    out(label .. ': ' .. #diagnostics .. ' diagnostics')
    for _, d in ipairs(diagnostics) do
      out(string.format('  %d:%d %s [%s] %s (source %s)', d.lnum + 1, d.col + 1,
        vim.diagnostic.severity[d.severity], d.code, d.message, d.source))
    end
    return diagnostics
  end

  local first = lint_and_print('as saved')
  vim.api.nvim_buf_set_lines(bufnr, 6, 7, false, { 'source_url: "https://example.org/a"' })
  local second = lint_and_print('after editing line 7, unsaved')
  return #first > 0 and #second == #first - 1
end)
if not ok then io.stderr:write(tostring(passed) .. '\n') end
vim.cmd((ok and passed) and 'qall!' or 'cquit!')
