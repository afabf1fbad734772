/// The pages' bodies, one Mustache template each, placed in ``Pages/layout``. Texts come
/// from the catalogue in the request's language; values are escaped (`{{value}}`), and only
/// the server's own SVG (`{{{qr}}}`) and rows rendered by their own template
/// (``Pages/rows(_:_:)``, `{{{people}}}`) are not.
extension Pages {
    static let bodies: [String: String] = [
        // A certificate's page, a receipt, a message or a refusal.
        "certificate": """
        {{#state}}<p class="state {{class}}">{{text}}</p>{{/state}}
        {{#refusal}}<p class="refusal">{{refusal}}</p>{{/refusal}}
        {{#message}}<p>{{message}}</p>{{/message}}
        {{#hasFields}}<dl>
        {{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>
        {{/fields}}
        </dl>{{/hasFields}}
        {{#credential}}<p><a href="{{url}}">{{label}}</a></p>{{/credential}}
        {{#link}}<p><a href="{{url}}">{{label}}</a></p>{{/link}}
        """,
        // A table of what an employer sees, with links to the other pages and downloads.
        "table": """
        {{#links}}<a href="{{url}}">{{label}}</a> {{/links}}
        {{#hasRows}}<table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
        {{#rows}}<tr>{{#cells}}<td>{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table>{{/hasRows}}
        {{^hasRows}}<p>{{empty}}</p>{{/hasRows}}
        """,
        "login": """
        {{#refusal}}<p class="refusal">{{refusal}}</p>{{/refusal}}
        <form method="post" action="/login">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label>{{loginLabel}}<br><input name="login" autocomplete="username" required autofocus></label></p>
        <p><label>{{passwordLabel}}<br><input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><button>{{submit}}</button></p>
        </form>
        """,
        "sessions": """
        {{#hasSessions}}<table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
        {{#sessions}}<tr><td><a href="{{url}}">{{id}}</a></td><td>{{course}}</td><td>{{dates}}</td><td>{{status}}</td></tr>
        {{/sessions}}</tbody></table>{{/hasSessions}}
        {{^hasSessions}}<p>{{none}}</p>{{/hasSessions}}
        """,
        "session": """
        <p>{{course}}</p>
        {{#hasProblems}}<div class="banner"><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
        <table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
        {{#slots}}<tr><td><a href="{{url}}">{{label}}</a></td><td>{{times}}</td><td>{{signed}}</td><td>{{certified}}</td></tr>
        {{/slots}}</tbody></table>
        <p><a href="/trainer">{{back}}</a></p>
        """,
        "sheet": """
        <p><a href="{{sessionURL}}">{{sessionID}}</a> · {{course}} · {{times}}</p>
        {{#refusal}}<p class="refusal">{{refusal}}</p>{{/refusal}}
        {{#screenURL}}<p><a href="{{screenURL}}">{{showCode}}</a></p>{{/screenURL}}
        {{#openURL}}<form method="post" action="{{openURL}}"><input type="hidden" name="csrf" value="{{csrf}}"><button>{{openLabel}}</button></form>{{/openURL}}
        <table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
        {{#lines}}<tr><td>{{name}}</td><td>{{mark}}</td><td>{{#image}}<img class="signature" src="{{image}}" alt="{{alt}}"> {{/image}}{{signed}}</td>
        <td><form method="post" action="{{markURL}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="participant" value="{{id}}">
        <select name="status" aria-label="{{statusLabel}}">{{#statuses}}<option value="{{value}}">{{label}}</option>{{/statuses}}</select>
        <input name="minutes" type="number" min="0" max="720" placeholder="{{minutesLabel}}" aria-label="{{minutesLabel}}">
        <input name="reason" placeholder="{{reasonLabel}}" aria-label="{{reasonLabel}}"> <button>{{recordLabel}}</button></form></td></tr>
        {{/lines}}</tbody></table>
        <h2>{{certifyTitle}}</h2>
        {{#certifications}}<p>{{.}}</p>{{/certifications}}
        <form method="post" action="{{certifyURL}}" data-signature>
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="signature">
        <canvas class="pad" aria-label="{{drawLabel}}"></canvas><p class="missing refusal" hidden>{{drawFirst}}</p>
        <p><button class="clear" type="button">{{clearLabel}}</button> <button>{{certifyLabel}}</button></p>
        </form>
        """,
        "screen": """
        <p>{{course}} · {{halfDay}}</p>
        <div class="qr">{{{qr}}}</div>
        <p class="code">{{code}}</p>
        <p>{{explain}}</p>
        <p><a href="{{sheetURL}}">{{back}}</a></p>
        """,
        "code": """
        {{#refusal}}<p class="refusal">{{refusal}}</p>{{/refusal}}
        <form method="get" action="/sign">
        <p><label>{{codeLabel}}<br><input name="code" autocomplete="off" autocapitalize="characters" maxlength="24" required autofocus></label></p>
        <p><button>{{continueLabel}}</button></p>
        </form>
        """,
        "sign": """
        <p>{{course}} · {{halfDay}}</p>
        <form method="post" action="/sign" data-signature>
        <input type="hidden" name="ticket" value="{{ticket}}"><input type="hidden" name="signature"><input type="hidden" name="deviceTime">
        <fieldset class="people"><legend>{{pickName}}</legend>
        {{{people}}}</fieldset>
        <p>{{drawLabel}}</p>
        <canvas class="pad" aria-label="{{drawLabel}}"></canvas><p class="missing refusal" hidden>{{drawFirst}}</p>
        <p><button class="clear" type="button">{{clearLabel}}</button> <button>{{signLabel}}</button></p>
        </form>
        """,
    ]

    /// Templates of one row of a list, rendered by ``Pages/rows(_:_:)``.
    static let rowTemplates: [String: String] = [
        // A name to pick on the signing page.
        "person": """
        <label class="{{state}}"><input type="radio" name="participant" value="{{id}}" required> {{name}}{{note}}</label>

        """
    ]
}
