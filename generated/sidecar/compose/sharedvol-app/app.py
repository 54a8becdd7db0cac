"""The sidecar experiment's app: one catch-all JSON route, as in "Container-to-Container Communication".

Rendered by Stackwright from templates/sidecar/app.py.hbs. The timestamp and the random number keep any layer from
caching the response.
"""

import datetime
import random

from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route


async def health(request):
    return PlainTextResponse("ok")


async def hello(request):
    return JSONResponse(
        {
            "hello": "world",
            "utcnow": datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None).isoformat(),
            "random": random.random(),
        }
    )


app = Starlette(
    routes=[
        Route("/healthz", health, methods=["GET", "HEAD"]),
        # Any other path and method: the ALB routes to each variant by path prefix.
        Route("/{path:path}", hello, methods=["GET", "HEAD"]),
    ]
)
