using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Zoho list paging: <c>page</c> from 1, <c>per_page</c> up to 200, <c>info.more_records</c>, 204 for an empty page.</summary>
internal sealed record CrmPage(int Page, int PerPage)
{
    public const int MaxPerPage = 200;

    /// <returns>The page, or the 400 answer for a bad <c>page</c>/<c>per_page</c>.</returns>
    public static (CrmPage? Page, IResult? Error) Read(IQueryCollection query)
    {
        if (!TryNumber(query["page"], 1, out var page) || page < 1)
        {
            return (null, CrmErrors.InvalidParameter("page", "page is a whole number from 1"));
        }

        if (!TryNumber(query["per_page"], MaxPerPage, out var perPage) || perPage < 1 || perPage > MaxPerPage)
        {
            return (null, CrmErrors.InvalidParameter("per_page", $"per_page is a whole number from 1 to {MaxPerPage}"));
        }

        return (new CrmPage(page, perPage), null);
    }

    /// <summary>Answers one page of <paramref name="records"/>: 200 with data and info, or 204 when the page is empty.</summary>
    public IResult Answer(IReadOnlyList<JsonObject> records, JsonObject? extraInfo = null)
    {
        var skip = (long)(Page - 1) * PerPage;
        var data = records.Skip((int)Math.Min(skip, int.MaxValue)).Take(PerPage).ToList();
        if (data.Count == 0)
        {
            return Results.NoContent();
        }

        var info = new JsonObject
        {
            ["per_page"] = PerPage,
            ["count"] = data.Count,
            ["page"] = Page,
            ["more_records"] = skip + data.Count < records.Count,
        };
        foreach (var (name, value) in extraInfo ?? [])
        {
            info[name] = value?.DeepClone();
        }

        return CrmErrors.Answer(StatusCodes.Status200OK, new JsonObject { ["data"] = new JsonArray([.. data]), ["info"] = info });
    }

    private static bool TryNumber(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
