# Multi-stage: the SDK builds, the ASP.NET runtime runs (serve needs Kestrel).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Aggregator.sln ./
COPY src/Aggregator/Aggregator.csproj src/Aggregator/
RUN dotnet restore src/Aggregator/Aggregator.csproj
COPY src/ src/
COPY feeds.schema.json ./
RUN dotnet publish src/Aggregator/Aggregator.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata: zone-less dates are read in each source's IANA time zone (e.g. Asia/Shanghai).
RUN apt-get update && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data /public /config && chown -R app:app /data /public /config
WORKDIR /app
COPY --from=build /app ./
COPY feeds.json feeds.schema.json /config/
ENV AGGREGATOR_CONFIG=/config/feeds.json \
    AGGREGATOR_DATA=/data \
    AGGREGATOR_OUT=/public \
    AGGREGATOR_LOG_FORMAT=json \
    DOTNET_gcServer=0
USER app
VOLUME ["/data", "/public"]
ENTRYPOINT ["dotnet", "/app/Aggregator.dll"]
# Cron-style by default: poll everything once, publish, exit with the run's health.
CMD ["run-once"]
