-- Replays requests pre-built by bench/measure.py, one per line:
--   METHOD <tab> PATH <tab> Name: value|Name: value <tab> BODY
-- Thread k of n takes lines k, k+n, ...; with "once" a thread stops when its
-- share is used up (each request is unique: idempotency keys, review pairs),
-- with "cycle" it starts over. With "cycle", a thread whose share is empty
-- (a file of fewer lines than threads, e.g. one repeated URL) takes line
-- k mod lines: a thread without requests would hold its connections open
-- without ever sending one. Prints one BENCH_RESULT line of JSON.
-- Arguments: FILE THREADS once|cycle

local threads = {}
local created = 0

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
  table.insert(threads, thread)
end

local function formatted(line)
  local method, target, raw_headers, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  local headers = {}
  for name, value in raw_headers:gmatch("([^|:]+): ([^|]*)") do
    headers[name] = value
  end
  if body == "" then
    body = nil
  end
  return wrk.format(method, target, headers, body)
end

function init(args)
  local nthreads = tonumber(args[2])
  cycle = args[3] == "cycle"
  pool = {}
  local lines = {}
  for line in io.lines(args[1]) do
    table.insert(lines, line)
  end
  for line_no, line in ipairs(lines) do
    if (line_no - 1) % nthreads == thread_index then
      table.insert(pool, formatted(line))
    end
  end
  if cycle and #pool == 0 and #lines > 0 then
    table.insert(pool, formatted(lines[thread_index % #lines + 1]))
  end
  sent = 0
  answered = 0
  exhausted = false
  statuses = {}
  first_error = ""
end

function request()
  sent = sent + 1
  return pool[(sent - 1) % #pool + 1]
end

function response(status, headers, body)
  answered = answered + 1
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if status >= 400 and first_error == "" then
    first_error = key .. " " .. string.sub(body or "", 1, 300)
  end
  if not cycle and answered >= #pool then
    exhausted = true
    wrk.thread:stop()
  end
end

local function json_string(s)
  s = string.gsub(s, '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. s .. '"'
end

function done(summary, latency, requests)
  local totals = {}
  local any_exhausted = false
  local error_sample = ""
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      totals[code] = (totals[code] or 0) + count
    end
    any_exhausted = any_exhausted or thread:get("exhausted")
    if error_sample == "" then
      error_sample = thread:get("first_error")
    end
  end
  local codes = {}
  for code, count in pairs(totals) do
    table.insert(codes, string.format('"%s":%d', code, count))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
      .. '"max_us":%d,"socket_errors":%d,"timeouts":%d,"exhausted":%s,"statuses":{%s},'
      .. '"error_sample":%s}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect + e.read + e.write, e.timeout, tostring(any_exhausted),
    table.concat(codes, ","), json_string(error_sample)
  ))
end
