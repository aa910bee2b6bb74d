-- wrk script: POST the Telex-shaped message/send of telex-request.json to the given URL.
--
-- With INTERVAL_MS set, each wrk thread starts a request every INTERVAL_MS milliseconds (so
-- -t2 with INTERVAL_MS=0.25 offers 8,000 requests/s) on whichever of its connections is free,
-- instead of as fast as the server answers. A thread that falls behind its schedule sends at once
-- until it has caught up. wrk still times each request from when it was sent, so a stall delays
-- the requests waiting behind it without adding that wait to their latency.
local file = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

local interval = tonumber(os.getenv("INTERVAL_MS") or "")
if interval then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } agentmetrics_timespec;
    int clock_gettime(int clock_id, agentmetrics_timespec *now);
  ]]
  local CLOCK_MONOTONIC = 1
  local now = ffi.new("agentmetrics_timespec")
  local next_start

  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
    return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
  end

  -- Called when a connection is free: it takes the thread's next start time and waits for it.
  function delay()
    local current = now_ms()
    next_start = next_start or current
    local wait = next_start - current
    next_start = next_start + interval
    return math.max(0, wait)
  end
end
