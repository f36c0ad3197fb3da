// Interop for the function editor page: live diagnostics, shortcuts, unsaved-changes guard, theme.
(function () {
    'use strict';

    const attached = {};
    let dirty = false;

    window.addEventListener('beforeunload', function (e) {
        if (dirty) {
            e.preventDefault();
            e.returnValue = '';
        }
    });

    function editorOf(id) {
        return window.blazorMonaco && window.blazorMonaco.editor.getEditor(id, true);
    }

    function isDarkPage() {
        const bg = getComputedStyle(document.body).backgroundColor;
        const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(bg);
        return m ? (0.299 * m[1] + 0.587 * m[2] + 0.114 * m[3]) < 128 : false;
    }

    function applyTheme() {
        if (typeof monaco !== 'undefined') {
            monaco.editor.setTheme(isDarkPage() ? 'deluge-dark' : 'deluge-light');
        }
    }

    async function diagnose(id, entry) {
        const editor = editorOf(id);
        if (!editor) {
            return;
        }

        const model = editor.getModel();
        const version = model.getVersionId();
        const markers = await entry.dotnet.invokeMethodAsync('Diagnose', model.getValue());
        if (model.isDisposed() || model.getVersionId() !== version) {
            return;
        }

        monaco.editor.setModelMarkers(model, 'deluge', markers.map(m => ({
            startLineNumber: m.startLineNumber,
            startColumn: m.startColumn,
            endLineNumber: m.endLineNumber,
            endColumn: m.endColumn,
            message: m.message,
            severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
            source: 'deluge',
        })));
        document.getElementById(id)?.setAttribute('data-markers', String(markers.length));
    }

    // Monaco (about 4 MB of script) is loaded the first time an editor is about to be shown, not on every page:
    // parsing it delayed the first paint of every other page. The files come from the BlazorMonaco package, in the
    // order its documentation gives; one promise is shared by every caller and survives page changes in the circuit.
    const monacoScripts = [
        '_content/BlazorMonaco/jsInterop.js',
        '_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js',
        '_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js',
    ];
    let monacoLoading = null;

    function loadScript(src) {
        return new Promise(function (resolve, reject) {
            const script = document.createElement('script');
            script.src = src;
            script.async = false;
            script.onload = function () { resolve(); };
            script.onerror = function () { reject(new Error('The code editor could not be loaded (' + src + ').')); };
            document.head.appendChild(script);
        });
    }

    function loadMonaco() {
        if (window.blazorMonaco && typeof monaco !== 'undefined') {
            return Promise.resolve();
        }
        if (!monacoLoading) {
            monacoLoading = monacoScripts.reduce(function (chain, src) { return chain.then(function () { return loadScript(src); }); }, Promise.resolve())
                .catch(function (error) { monacoLoading = null; throw error; });
        }
        return monacoLoading;
    }

    // Once a page has painted and the browser is idle, fetch (not run) Monaco's files, so opening a function later
    // finds them in the cache.
    window.addEventListener('load', function () {
        const prefetch = function () {
            monacoScripts.forEach(function (src) {
                const link = document.createElement('link');
                link.rel = 'prefetch';
                link.as = 'script';
                link.href = src;
                document.head.appendChild(link);
            });
        };
        if ('requestIdleCallback' in window) {
            window.requestIdleCallback(prefetch, { timeout: 5000 });
        } else {
            setTimeout(prefetch, 2000);
        }
    });

    window.portalFunctionEditor = {
        loadMonaco: loadMonaco,

        attach: function (id, dotnet, catalog, connections, dark) {
            const editor = editorOf(id);
            if (!editor || typeof monaco === 'undefined') {
                return false;
            }

            window.portalDeluge.register(catalog);
            window.portalDeluge.setConnections(connections);
            monaco.editor.setModelLanguage(editor.getModel(), 'deluge');
            monaco.editor.setTheme(dark ? 'deluge-dark' : 'deluge-light');

            const entry = { dotnet: dotnet, timer: 0, themeTimer: 0 };
            attached[id] = entry;
            window.portalDeluge.setMethodRanker(function (code, line, column) { return entry.dotnet.invokeMethodAsync('RankMethods', code, line, column); });
            editor.onDidChangeModelContent(function () {
                clearTimeout(entry.timer);
                entry.timer = setTimeout(function () { diagnose(id, entry).catch(() => { }); }, 300);
                entry.dotnet.invokeMethodAsync('OnEdited').catch(() => { });
            });
            editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, function () { entry.dotnet.invokeMethodAsync('SaveFromEditor'); });
            editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, function () { entry.dotnet.invokeMethodAsync('RunFromEditor'); });

            // MudBlazor switches the page theme without a reload; follow it.
            entry.themeTimer = setInterval(applyTheme, 1000);
            diagnose(id, entry).catch(() => { });
            return true;
        },

        detach: function (id) {
            const entry = attached[id];
            if (entry) {
                clearTimeout(entry.timer);
                clearInterval(entry.themeTimer);
                delete attached[id];
            }

            dirty = false;
        },

        setDirty: function (value) {
            dirty = !!value;
        },

        setConnections: function (connections) {
            window.portalDeluge.setConnections(connections);
        },

        reveal: function (id, line, column) {
            const editor = editorOf(id);
            if (!editor) {
                return;
            }

            const position = { lineNumber: Math.max(1, line), column: Math.max(1, column || 1) };
            editor.setPosition(position);
            editor.revealPositionInCenter(position);
            editor.focus();
        },

        insertAtCursor: function (id, text) {
            const editor = editorOf(id);
            if (!editor) {
                return;
            }

            const position = editor.getPosition() || { lineNumber: 1, column: 1 };
            const model = editor.getModel();
            const lineText = model.getLineContent(position.lineNumber);
            const atLineStart = lineText.trim().length === 0;
            const range = atLineStart
                ? new monaco.Range(position.lineNumber, 1, position.lineNumber, lineText.length + 1)
                : new monaco.Range(position.lineNumber, lineText.length + 1, position.lineNumber, lineText.length + 1);
            editor.executeEdits('insert-invokeurl', [{ range: range, text: (atLineStart ? '' : '\n') + text, forceMoveMarkers: true }]);
            editor.focus();
        },

        setValue: function (id, text) {
            const editor = editorOf(id);
            if (editor) {
                editor.getModel().setValue(text);
            }
        },

        getValue: function (id) {
            const editor = editorOf(id);
            return editor ? editor.getValue() : null;
        },

        markerCount: function (id) {
            const editor = editorOf(id);
            return editor ? monaco.editor.getModelMarkers({ resource: editor.getModel().uri }).length : -1;
        },
    };
})();
