using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The portal's palette: a calm blue app bar and neutral surfaces, with a matching dark palette.</summary>
internal static class PortalTheme
{
    private static readonly string[] FontStack =
        ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F6FEB",
            Secondary = "#6E7781",
            Tertiary = "#0E9F6E",
            AppbarBackground = "#17365D",
            AppbarText = "#FFFFFF",
            Background = "#F6F8FB",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#24292F",
            TextPrimary = "#1F2328",
            TextSecondary = "#57606A",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4C9AFF",
            Secondary = "#8B949E",
            Tertiary = "#3FB950",
            AppbarBackground = "#0D1B2A",
            Background = "#0F141A",
            Surface = "#161B22",
            DrawerBackground = "#12171E",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "260px" },
    };
}
