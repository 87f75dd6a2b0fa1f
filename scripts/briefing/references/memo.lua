-- Memo documents in one pandoc process: `pandoc lua memo.lua MANIFEST`.
--
-- MANIFEST is JSON written by briefing.references.memo:
--   {"reader": "<markdown with extensions>",
--    "documents": [{"markdown": "...",
--                   "outputs": [{"format": "docx", "epoch": 0, "path": "...",
--                                "reference": "... (optional)"}]}]}
-- Each document's Markdown is read once and written in each of its formats
-- to its path. Standard output starts with a line naming this protocol,
-- then gives one line per output, in manifest order: "ok", or "error "
-- followed by pandoc's message on one line. A document that fails does not
-- stop the others.

local PROTOCOL = "briefing-memos 1"

local function read_file(path)
  local handle = assert(io.open(path, "rb"))
  local text = handle:read("a")
  handle:close()
  return text
end

local function write_file(path, data)
  local handle = assert(io.open(path, "wb"))
  handle:write(data)
  handle:close()
end

-- Writer options as `pandoc -t FORMAT` gives them: the format's default
-- template (the .odt writer fills content.xml from it), compiled once.
local templates = {}
local function options(output)
  local format = output.format
  if templates[format] == nil then
    templates[format] = pandoc.template.compile(pandoc.template.default(format))
  end
  return { template = templates[format], reference_doc = output.reference }
end

-- Pandoc's writers take the document's creation time from SOURCE_DATE_EPOCH,
-- read from the environment when they run: set it for each output alone.
local environment = pandoc.system.environment()
local function write(doc, output)
  environment.SOURCE_DATE_EPOCH = tostring(math.tointeger(output.epoch))
  return pandoc.system.with_environment(environment, function()
    return pandoc.write(doc, output.format, options(output))
  end)
end

local function one_line(message)
  return (tostring(message):gsub("%s+", " "))
end

local manifest = pandoc.json.decode(read_file(arg[1]), false)
io.stdout:setvbuf("line")
print(PROTOCOL)
for _, document in ipairs(manifest.documents) do
  local read_ok, doc = pcall(pandoc.read, document.markdown, manifest.reader)
  for _, output in ipairs(document.outputs) do
    local ok, result = read_ok, doc
    if ok then
      ok, result = pcall(write, doc, output)
    end
    if ok then
      ok, result = pcall(write_file, output.path, result)
    end
    print(ok and "ok" or ("error " .. one_line(result)))
  end
end
