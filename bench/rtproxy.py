"""A TCP proxy that counts round trips: each time the client speaks after the server did (or
first), that is one round trip. Put between the server and PostgreSQL to count, not guess, the
database round trips a request costs."""

import asyncio
import threading


class RoundTripProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.round_trips = 0
        self.loop = asyncio.new_event_loop()
        self.port = None
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _handle(self, client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection(*self.target)
        state = {"last": "server"}

        async def pipe(reader, writer, side):
            try:
                while data := await reader.read(65536):
                    if side == "client" and state["last"] == "server":
                        self.round_trips += 1
                    state["last"] = side
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                writer.close()

        await asyncio.gather(pipe(client_reader, server_writer, "client"), pipe(server_reader, client_writer, "server"))

    def reset(self):
        self.round_trips = 0
