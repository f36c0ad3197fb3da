using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The sign-in pages are static and anonymous, so no user preference picks their theme: they follow the browser's colour
/// scheme. MudThemeProvider writes one palette (light, below it in <see cref="AuthLayout"/>); this writes the same theme's
/// dark palette inside <c>prefers-color-scheme: dark</c>, so MudBlazor's components and the account styles switch with it.
/// </summary>
public sealed class BrowserDarkThemeStyle : MudThemeProvider
{
    public override Task SetParametersAsync(ParameterView parameters) =>
        base.SetParametersAsync(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(Theme)] = PortalTheme.Theme,
            [nameof(IsDarkMode)] = true,
        }));

    // The base's parameter is named __builder (Razor's generated name); the override keeps it (CA1725).
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        var palette = new StringBuilder();
        GenerateTheme(palette);
        __builder.AddMarkupContent(0, $"<style>@media (prefers-color-scheme: dark) {{ :root {{ color-scheme: dark; {palette} }} }}</style>");
    }
}
