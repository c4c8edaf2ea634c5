-- 20 planners editing meetings through the JSON API, each saving a change about once a second.
-- Used by scripts/load-test.sh: MEETINGS names a folder of meeting files (meeting-N.json, the
-- title replaced by @@TITLE@@, the id on the first line), COOKIE and CSRF a signed-in session.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  meetings = {}
  local i = 1
  while true do
    local file = io.open(os.getenv("MEETINGS") .. "/meeting-" .. i .. ".json")
    if not file then break end
    local id = file:read("*l")
    local template = file:read("*a")
    file:close()
    table.insert(meetings, { id = id, template = template })
    i = i + 1
  end
  counter = 0
  saved, other = 0, 0
end

function delay()
  return 1000
end

function request()
  counter = counter + 1
  local meeting = meetings[(counter % #meetings) + 1]
  local title = "Edited under load " .. counter
  local body = string.gsub(meeting.template, "@@TITLE@@", title)
  return wrk.format("PUT", "/api/meetings/" .. meeting.id, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = os.getenv("COOKIE"),
    ["X-CSRF-Token"] = os.getenv("CSRF"),
  }, body)
end

function response(status, headers, body)
  if status == 200 then saved = saved + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local s, o = 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("saved")
    o = o + thread:get("other")
  end
  io.write(string.format("statuses: 200 %d, other %d\n", s, o))
end
