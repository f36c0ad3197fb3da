using System.Security.Cryptography;
using System.Text;

namespace Portal.Sandbox.Apis;

/// <summary>Sandbox Weather: an API-key service with a deterministic forecast, so tests and demos can assert on it.</summary>
internal static class WeatherApi
{
    private static readonly string[] Conditions = ["Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Windy", "Thunderstorms", "Fog"];

    public static void MapWeatherApi(this IEndpointRouteBuilder app) =>
        app.MapGet(SandboxCatalog.WeatherBasePath + "forecast", Forecast);

    private static IResult Forecast(HttpContext http, SandboxOptions options, TimeProvider clock, string? city, int? days)
    {
        var key = http.Request.Headers[SandboxCatalog.WeatherApiKeyHeader].ToString();
        if (!options.EffectiveWeatherApiKeys.Any(valid => FixedTimeEquals(valid, key)))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey realm=\"Sandbox Weather\", header=\"{SandboxCatalog.WeatherApiKeyHeader}\"";
            return ApiAccess.Error(StatusCodes.Status401Unauthorized, key.Length == 0 ? "missing_api_key" : "invalid_api_key",
                $"Sandbox Weather needs a valid API key in the {SandboxCatalog.WeatherApiKeyHeader} header. Check the key in your connection settings.");
        }

        if (string.IsNullOrWhiteSpace(city) || city.Length > 100)
        {
            return ApiAccess.Error(StatusCodes.Status400BadRequest, "invalid_city", "Add the city to the query, e.g. ?city=Lisbon.");
        }

        var count = Math.Clamp(days ?? 3, 1, 7);
        var name = city.Trim();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var forecast = Enumerable.Range(0, count).Select(day =>
        {
            var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{name.ToLowerInvariant()}|{day}"));
            var high = 4 + (seed[0] % 27);
            return new
            {
                date = today.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                condition = Conditions[seed[1] % Conditions.Length],
                highC = high,
                lowC = high - 3 - (seed[2] % 8),
                chanceOfRainPercent = seed[3] % 101,
            };
        });
        return Results.Ok(new { city = name, units = "metric", forecast });
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
