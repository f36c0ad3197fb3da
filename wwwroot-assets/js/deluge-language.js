// Deluge language for Monaco: Monarch tokens, completion (built-ins, .methods, invokeUrl keys and
// connection link names inside connection: "…") and hover docs. The catalog comes from the server.
(function () {
    'use strict';

    const keywords = ['if', 'else', 'for', 'each', 'in', 'index', 'return', 'info', 'try', 'catch', 'break', 'continue', 'invokeurl', 'sendmail', 'standalone'];

    const monarch = {
        ignoreCase: true,
        defaultToken: '',
        keywords: keywords,
        constants: ['true', 'false', 'null'],
        taskKeys: ['url', 'type', 'headers', 'parameters', 'body', 'content-type', 'connection', 'detailed'],
        methods: ['get', 'post', 'put', 'patch', 'delete'],
        operators: ['=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '&&', '||', '!', '+=', '-=', '*=', '/=', '%='],
        symbols: /[=><!~?:&|+\-*\/\^%]+/,
        escapes: /\\(?:[\\"'ntr])/,
        tokenizer: {
            root: [
                // invokeUrl task keys: "url:", "content-type:" at the start of a line inside [ … ].
                [/^(\s*)(url|type|headers|parameters|body|content-type|connection|detailed)(\s*)(:)/i, ['white', 'key', 'white', 'delimiter']],
                [/(zoho|portal)(\.[a-zA-Z_][\w]*)+/, 'variable.predefined'],
                // Regexes, not @keywords lists, so invokeUrl / InvokeURL / INFO are all keywords (ignoreCase).
                [/(?:if|else|for|each|in|index|return|info|try|catch|break|continue|invokeurl|sendmail|standalone)(?![\w])/, 'keyword'],
                [/(?:true|false|null)(?![\w])/, 'constant'],
                [/[a-zA-Z_][\w]*(?=\s*\()/, 'function'],
                [/[a-zA-Z_][\w]*/, 'identifier'],
                { include: '@whitespace' },
                [/[{}()\[\]]/, '@brackets'],
                [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
                [/\d+\.\d+/, 'number.float'],
                [/\d+/, 'number'],
                [/[;,.]/, 'delimiter'],
                [/"([^"\\]|\\.)*$/, 'string.invalid'],
                [/"/, { token: 'string.quote', bracket: '@open', next: '@string' }],
                [/'[^']*'/, 'string.date'],
            ],
            string: [
                [/[^\\"]+/, 'string'],
                [/@escapes/, 'string.escape'],
                [/\\./, 'string.escape.invalid'],
                [/"/, { token: 'string.quote', bracket: '@close', next: '@pop' }],
            ],
            whitespace: [
                [/[ \t\r\n]+/, 'white'],
                [/\/\*/, 'comment', '@comment'],
                [/\/\/.*$/, 'comment'],
            ],
            comment: [
                [/[^\/*]+/, 'comment'],
                [/\*\//, 'comment', '@pop'],
                [/[\/*]/, 'comment'],
            ],
        },
    };

    const state = { registered: false, catalog: [], connections: [], ranker: null };

    function kindOf(monaco, kind) {
        const k = monaco.languages.CompletionItemKind;
        return { function: k.Function, method: k.Method, keyword: k.Keyword, value: k.Constant, snippet: k.Snippet, taskKey: k.Property }[kind] || k.Text;
    }

    function item(monaco, entry, range) {
        return {
            label: entry.label,
            kind: kindOf(monaco, entry.kind),
            detail: entry.signature,
            documentation: { value: entry.documentation },
            insertText: entry.insertText,
            insertTextRules: entry.insertText.indexOf('$') >= 0 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
            range: range,
        };
    }

    function provideCompletions(monaco, model, position) {
        const line = model.getLineContent(position.lineNumber);
        const before = line.substring(0, position.column - 1);
        const word = model.getWordUntilPosition(position);
        const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);

        // Inside connection: "…" offer the user's connection link names.
        const connection = /connection\s*:\s*"([^"]*)$/i.exec(before);
        if (connection) {
            const start = position.column - connection[1].length;
            const linkRange = new monaco.Range(position.lineNumber, start, position.lineNumber, position.column);
            return {
                suggestions: state.connections.map(c => ({
                    label: c.linkName,
                    kind: monaco.languages.CompletionItemKind.Reference,
                    detail: c.displayName + ' · ' + c.serviceName + ' (' + c.status + ')',
                    documentation: c.apiBaseUrl ? 'API base URL: ' + c.apiBaseUrl : undefined,
                    insertText: c.linkName,
                    range: linkRange,
                })),
            };
        }

        // After a dot: methods (or zoho.* names when the receiver is zoho/portal).
        const dotted = /([\w.]+)\.\s*\w*$/.exec(before);
        if (dotted) {
            const receiver = dotted[1].toLowerCase();
            if (receiver === 'zoho' || receiver.startsWith('zoho.') || receiver === 'portal') {
                return {
                    suggestions: state.catalog
                        .filter(e => e.label.toLowerCase().startsWith(receiver + '.'))
                        .map(e => item(monaco, Object.assign({}, e, { label: e.label.substring(receiver.length + 1), insertText: e.insertText.substring(receiver.length + 1) }), range)),
                };
            }

            if (receiver !== 'standalone') {
                const methods = state.catalog.filter(e => e.kind === 'method');
                if (!state.ranker) {
                    return { suggestions: methods.map(e => item(monaco, e, range)) };
                }

                // Methods of the receiver's guessed type come first; the server guesses it from the registry.
                return state.ranker(model.getValue(), position.lineNumber, position.column).then(ranking => {
                    const order = new Map(ranking.labels.map((label, i) => [label, i]));
                    return {
                        suggestions: methods.map(e => Object.assign(item(monaco, e, range), {
                            sortText: String(order.has(e.label) ? order.get(e.label) : 9999).padStart(4, '0'),
                        })),
                    };
                }, () => ({ suggestions: methods.map(e => item(monaco, e, range)) }));
            }

            return { suggestions: [] };
        }

        const insideTask = isInsideInvokeUrl(model, position);
        return {
            suggestions: state.catalog
                .filter(e => e.kind !== 'method' && (e.kind !== 'taskKey' || insideTask))
                .map(e => item(monaco, e, range)),
        };
    }

    function isInsideInvokeUrl(model, position) {
        const text = model.getValueInRange({ startLineNumber: Math.max(1, position.lineNumber - 30), startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
        const open = text.search(/invokeurl\s*\[[^\]]*$/i);
        return open >= 0;
    }

    function provideHover(monaco, model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) {
            return null;
        }

        const line = model.getLineContent(position.lineNumber);
        const name = word.word.toLowerCase();
        const afterDot = word.startColumn > 1 && line.charAt(word.startColumn - 2) === '.';
        const entries = state.catalog.filter(e => {
            const label = e.label.toLowerCase();
            return label === name || label.endsWith('.' + name);
        }).filter(e => !afterDot || e.kind !== 'keyword');
        if (entries.length === 0) {
            return null;
        }

        return {
            range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
            contents: entries.slice(0, 2).flatMap(e => [
                { value: '```deluge\n' + e.signature + '\n```' },
                { value: e.documentation + (e.appliesTo ? '  \n_on ' + e.appliesTo.split(' ').join(', ') + '_' : '') },
            ]),
        };
    }

    window.portalDeluge = {
        register: function (catalog) {
            state.catalog = catalog || state.catalog;
            if (state.registered || typeof monaco === 'undefined') {
                return state.registered;
            }

            monaco.languages.register({ id: 'deluge', extensions: ['.dg'], aliases: ['Deluge', 'deluge'] });
            monaco.languages.setMonarchTokensProvider('deluge', monarch);
            monaco.languages.setLanguageConfiguration('deluge', {
                comments: { lineComment: '//', blockComment: ['/*', '*/'] },
                brackets: [['{', '}'], ['[', ']'], ['(', ')']],
                autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"', notIn: ['string'] }],
                surroundingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"' }],
            });
            monaco.languages.registerCompletionItemProvider('deluge', {
                triggerCharacters: ['.', '"'],
                provideCompletionItems: (model, position) => provideCompletions(monaco, model, position),
            });
            monaco.languages.registerHoverProvider('deluge', { provideHover: (model, position) => provideHover(monaco, model, position) });
            monaco.editor.defineTheme('deluge-light', {
                base: 'vs', inherit: true,
                rules: [{ token: 'key', foreground: '8250DF', fontStyle: 'bold' }, { token: 'string.date', foreground: 'B35900' }, { token: 'function', foreground: '795E26' }],
                colors: {},
            });
            monaco.editor.defineTheme('deluge-dark', {
                base: 'vs-dark', inherit: true,
                rules: [{ token: 'key', foreground: 'C586C0', fontStyle: 'bold' }, { token: 'string.date', foreground: 'E5A15B' }, { token: 'function', foreground: 'DCDCAA' }],
                colors: { 'editor.background': '#141A21' },
            });
            state.registered = true;
            return true;
        },

        setMethodRanker: function (ranker) {
            state.ranker = ranker;
        },

        setConnections: function (connections) {
            state.connections = connections || [];
        },

        // Exposed for tests and debugging.
        monarch: monarch,
    };
})();
