-- wrk script: GET PREFIX .. id, rotating over the ids in the file IDS (one per line); each wrk thread starts at its
-- own offset so the threads do not ask for the same story at the same moment. Used by bench/web/load-scale.sh.
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local prefix = os.getenv("PREFIX") or "/api/stories/"
-- ENCODING=gzip sends Accept-Encoding as browsers do (the server then sends its cached compressed bytes)
local encoding = os.getenv("ENCODING")
local headers = encoding and { ["Accept-Encoding"] = encoding } or nil
local counter = 0
local step = 1

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
end

function init(args)
  -- offset is set by setup(); spread the threads evenly over the list
  step = 1
  counter = (tonumber(offset) or 1) * math.floor(#ids / 2)
end

function request()
  counter = counter + step
  return wrk.format("GET", prefix .. ids[(counter % #ids) + 1], headers)
end
