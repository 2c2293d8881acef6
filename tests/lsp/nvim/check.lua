-- Driven by tests/lsp.rs: wait for factlint's diagnostics in the current buffer, apply the
-- preferred quick fix at the first one, wait for that finding to go, write what happened
-- to $RESULT and quit.
local out = {}
local function say(line) table.insert(out, line) end
local seen = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
say("diagnostics: " .. tostring(seen))
for _, d in ipairs(vim.diagnostic.get(0)) do
  local message = d.message:gsub("\n", " | ")
  say(string.format("%d:%d-%d:%d %s %s", d.lnum, d.col, d.end_lnum, d.end_col, tostring(d.code), message))
end
local first = vim.diagnostic.get(0)[1]
if first then
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  vim.lsp.buf.code_action({ apply = true, filter = function(action) return action.isPreferred end })
  local fixed = vim.wait(10000, function()
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
    return text:find(vim.env.EXPECT, 1, true) ~= nil
  end, 50)
  say("fixed: " .. tostring(fixed))
  local cleared = vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.code == first.code then return false end
    end
    return true
  end, 50)
  say("cleared: " .. tostring(cleared))
end
vim.fn.writefile(out, vim.env.RESULT)
vim.cmd("qa!")
