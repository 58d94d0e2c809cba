-- Tries pagelint_lsp.lua in a real Neovim (0.7's built-in LSP client):
-- opens a post, prints the diagnostics Neovim holds (0-based lines, byte
-- columns, as vim.diagnostic keeps them), edits the buffer without saving
-- (a line with an emoji and CJK before a broken image), prints them again,
-- asks for the code actions on the new finding, then stops the server and
-- prints its exit status.
--
--   PAGELINT_BIN=target/debug/pagelint nvim --headless -u NONE -i NONE FILE \
--     -c 'luafile editors/nvim/try-lsp.lua' -c 'cquit!'
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local lsp = dofile(here .. '/pagelint_lsp.lua')
local out = function(s) io.stdout:write(s .. '\n') end

local ok, err = pcall(function()
  local exit_code
  lsp.setup({
    cmd = { os.getenv('PAGELINT_BIN') or 'pagelint', 'server' },
    on_exit = function(code) exit_code = code end,
  })
  vim.cmd('filetype on')
  vim.cmd('edit')  -- FileType fires now that the autocommand exists
  local buf = vim.api.nvim_get_current_buf()

  local function wait(n)
    local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) == n end, 20)
    assert(ok, 'expected ' .. n .. ' diagnostics, have ' .. #vim.diagnostic.get(buf))
  end
  local function dump(tag)
    local ds = vim.diagnostic.get(buf)
    table.sort(ds, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    for _, d in ipairs(ds) do
      out(string.format('%s %d:%d-%d:%d %s %s %s', tag, d.lnum, d.col, d.end_lnum, d.end_col,
        vim.diagnostic.severity[d.severity], d.code, d.source))
    end
  end

  wait(3)
  dump('open')

  -- An unsaved edit: a new line 12 (0-based) with an emoji and CJK before a broken image.
  vim.api.nvim_buf_set_lines(buf, 12, 12, false, { '😀 標題 ![](/images/posts/missing.png)' })
  wait(4)
  dump('edit')

  -- The code actions on the new finding, as vim.lsp.buf.code_action asks.
  local params = vim.lsp.util.make_range_params()
  params.range = { start = { line = 12, character = 10 }, ['end'] = { line = 12, character = 10 } }
  params.context = { diagnostics = {} }
  local results = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  for _, r in pairs(results or {}) do
    for _, a in ipairs(r.result or {}) do
      out('action ' .. a.title)
    end
  end

  vim.lsp.stop_client(vim.lsp.get_active_clients())
  assert(vim.wait(10000, function() return exit_code ~= nil end, 20), 'the server did not exit')
  out('exit ' .. exit_code)
end)
if not ok then
  out('FAILED: ' .. tostring(err))
  vim.cmd('cquit! 1')
end
vim.cmd('qall!')
