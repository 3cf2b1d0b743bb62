-- Appended to every wrk script: prints latency percentiles in a form benchlib parses.
function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.3f\np99_ms=%.3f\np999_ms=%.3f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
