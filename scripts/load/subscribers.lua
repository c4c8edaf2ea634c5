-- 1,000 calendar clients polling Quorum's feeds with conditional requests: each asks with the
-- ETag it last saw for that feed and gets 304 while nothing changed, or the new feed.
-- Used by scripts/load-test.sh; FEEDS names a file with one feed per line: its path, the first
-- line of its X-WR-CALNAME and its current ETag, separated by tabs. wrk keeps no state per
-- connection, so a full answer is matched to its feed by the calendar name in its body.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths, by_name, etags = {}, {}, {}
  for line in io.lines(os.getenv("FEEDS")) do
    local path, name, etag = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)")
    table.insert(paths, path)
    by_name[name] = path
    etags[path] = etag
  end
  counter = 0
  full, not_modified, other = 0, 0, 0
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local headers = {}
  if etags[path] then headers["If-None-Match"] = etags[path] end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status == 200 then
    full = full + 1
    local name = body:match("X%-WR%-CALNAME:([^\r\n]*)")
    local path = name and by_name[name]
    if path then etags[path] = headers["etag"] or headers["ETag"] end
  elseif status == 304 then
    not_modified = not_modified + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local f, n, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    f = f + thread:get("full")
    n = n + thread:get("not_modified")
    o = o + thread:get("other")
  end
  io.write(string.format("statuses: 200 %d, 304 %d, other %d\n", f, n, o))
end
