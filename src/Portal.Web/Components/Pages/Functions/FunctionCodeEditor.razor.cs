using System.Diagnostics;
using System.Security.Claims;
using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Components.Pages.Functions;

public sealed partial class FunctionCodeEditor
{
    private const string EditorId = "function-code";

    private StandaloneCodeEditor? editor;
    private DotNetObjectReference<FunctionCodeEditor>? self;
    private IReadOnlyList<EditorMarker> problems = [];
    private List<string>? knownConnections;

    // Monaco's scripts are loaded on demand (function-editor.js): the editor is rendered once they have run.
    private bool editorLoaded;
    private string? editorLoadError;

    /// <summary>The code the editor opens with (the saved code, or a connection's sample on top of it).</summary>
    [Parameter] public string? InitialCode { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    [Parameter] public bool DarkMode { get; set; }

    /// <summary>Whose connections the completion and the unknown-connection warnings know.</summary>
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = new();

    /// <summary>The right-hand side of the status line: "Version 3 · 1 argument", "Unsaved changes · …".</summary>
    [Parameter] public string StateText { get; set; } = "";

    /// <summary>Raised with the current code after each diagnostics pass (debounced while typing).</summary>
    [Parameter] public EventCallback<string> CodeChecked { get; set; }

    /// <summary>Raised on the first keystroke after a save, before diagnostics come back.</summary>
    [Parameter] public EventCallback Edited { get; set; }

    /// <summary>Ctrl/⌘+S in the editor.</summary>
    [Parameter] public EventCallback SaveRequested { get; set; }

    /// <summary>Ctrl/⌘+Enter in the editor.</summary>
    [Parameter] public EventCallback RunRequested { get; set; }

    /// <summary>Server time of the last diagnostics pass, for the editor's status line and tests.</summary>
    internal double LastDiagnosticsMilliseconds { get; private set; }

    /// <summary>True once Monaco runs in the browser and holds the code.</summary>
    public bool IsReady => editor is not null;

    public async Task<string?> GetValueAsync() => editor is null ? null : await editor.GetValue();

    public async Task SetValueAsync(string code)
    {
        if (editor is not null)
        {
            await editor.SetValue(code);
        }
    }

    public async Task RevealAsync((int Line, int Column) location) =>
        await JS.InvokeVoidAsync("portalFunctionEditor.reveal", EditorId, location.Line, location.Column);

    public async Task InsertAtCursorAsync(string snippet) =>
        await JS.InvokeVoidAsync("portalFunctionEditor.insertAtCursor", EditorId, snippet);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await LoadEditorAsync();
        }
    }

    private async Task LoadEditorAsync()
    {
        editorLoadError = null;
        try
        {
            await JS.InvokeVoidAsync("portalFunctionEditor.loadMonaco");
            editorLoaded = true;
        }
        catch (JSException)
        {
            // The code is safe on the server; only the editor's scripts did not arrive (network, proxy, blocked file).
            editorLoadError = "The code editor could not be loaded. Check your connection and try again; nothing has been lost.";
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        StateHasChanged();
    }

    private StandaloneEditorConstructionOptions EditorOptions(StandaloneCodeEditor _) => new()
    {
        Value = InitialCode ?? "",
        Language = "deluge",
        Theme = DarkMode ? "deluge-dark" : "deluge-light",
        AutomaticLayout = true,
        ReadOnly = ReadOnly,
        Minimap = new EditorMinimapOptions { Enabled = false },
        ScrollBeyondLastLine = false,
        // Underlined URLs inside strings looked like errors; the URL is still plain, copyable text.
        Links = false,
        FixedOverflowWidgets = true,
        FontSize = 14,
        TabSize = 4,
    };

    private async Task OnEditorInitAsync()
    {
        self ??= DotNetObjectReference.Create(this);
        var connections = await ConnectionDirectory.ListForUserAsync(User, CancellationToken.None);
        knownConnections = [.. connections.Select(c => c.LinkName)];
        await JS.InvokeVoidAsync("portalFunctionEditor.attach", EditorId, self, DelugeCompletionCatalog.Items, connections, DarkMode);
    }

    /// <summary>Called by the editor (debounced) with the current code; answers with markers.</summary>
    [JSInvokable]
    public async Task<IReadOnlyList<EditorMarker>> Diagnose(string code)
    {
        var stopwatch = Stopwatch.StartNew();
        knownConnections ??= [.. (await ConnectionDirectory.ListForUserAsync(User, CancellationToken.None)).Select(c => c.LinkName)];
        var markers = FunctionDiagnostics.Analyze(code, knownConnections);
        LastDiagnosticsMilliseconds = stopwatch.Elapsed.TotalMilliseconds;
        problems = markers;
        await InvokeAsync(async () =>
        {
            await CodeChecked.InvokeAsync(code);
            StateHasChanged();
        });
        return markers;
    }

    // The editor's '.' completion asks which methods fit the receiver the user typed (issue #16 item 11).
    [JSInvokable]
    public MethodRanking RankMethods(string code, int line, int column) => MethodCompletionRanker.Rank(code, line, column);

    // JS-invoked methods are not UI events: the callbacks re-render their page.
    [JSInvokable]
    public Task OnEdited() => InvokeAsync(() => Edited.InvokeAsync());

    [JSInvokable]
    public Task SaveFromEditor() => InvokeAsync(() => SaveRequested.InvokeAsync());

    [JSInvokable]
    public Task RunFromEditor() => InvokeAsync(() => RunRequested.InvokeAsync());

    public async ValueTask DisposeAsync()
    {
        // Never attached (prerendering, or Monaco did not load): there is nothing in a browser to detach.
        if (self is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("portalFunctionEditor.detach", EditorId);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to clean up in the browser.
        }

        self.Dispose();
    }
}
