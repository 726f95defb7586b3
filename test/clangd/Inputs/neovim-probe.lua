-- Waits for the diagnostics of the buffer, writes them out and quits.
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 200)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format("%d:%d [%s] %s", d.lnum + 1, d.col + 1, d.code or "", d.message))
end
vim.fn.writefile(out, "diagnostics.txt")
vim.cmd("qall!")
