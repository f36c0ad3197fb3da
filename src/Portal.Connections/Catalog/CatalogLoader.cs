using System.Text.RegularExpressions;
using System.Text.Json;

namespace Portal.Connections.Catalog;

/// <summary>Reads the embedded default catalogue (<c>Catalog/catalog.json</c>) and logos.</summary>
internal static partial class CatalogLoader
{
    [GeneratedRegex("^[a-z0-9-]{1,60}\\.svg$")]
    private static partial Regex LogoFileName();

    public static IReadOnlyList<ServiceDescriptor> LoadEmbedded()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("Portal.Connections.catalog.json")
            ?? throw new InvalidOperationException("The embedded service catalogue is missing from Portal.Connections; rebuild the project.");
        var file = JsonSerializer.Deserialize<CatalogFile>(stream, CatalogJson.Options)
            ?? throw new InvalidOperationException("The embedded service catalogue is empty; restore Catalog/catalog.json.");
        return file.Services;
    }

    /// <summary>The SVG for a logo file name such as <c>github.svg</c>, or null.</summary>
    public static byte[]? LoadLogo(string fileName)
    {
        if (!LogoFileName().IsMatch(fileName))
        {
            return null;
        }

        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream("Portal.Connections.logos." + fileName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
