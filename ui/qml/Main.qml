import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The main window: conversations on the leading side, the open chat, the reasoning inspector on
// the trailing side when open, the status bar below; the model manager and the settings replace
// the chat area when opened (showPage), with a way back. Under a right-to-left language the whole
// layout mirrors (LayoutMirroring follows the application's layout direction, which the language
// manager sets). Font size comes from the settings; colours, spacing and type from the design
// tokens (`design`, ui/design/design_tokens.h), which also make the application palette.
//
// The first start opens at a size that suits the screen; later starts where the user left the
// window (Settings.windowGeometry), if that is still on a screen. The sidebar collapses to a rail
// of icons (Ctrl+B), remembered too.
ApplicationWindow {
    id: window
    minimumWidth: 640
    minimumHeight: 420
    // Set once in placeWindow(), not bound: a binding to the screen would re-apply itself (and
    // undo the user's resizing) whenever the screen's properties change.
    width: 1100
    height: 720
    visible: true
    color: design.background
    font.pointSize: settings.fontSize
    // The Controls' own parts (fields, menus, tooltips) from the same scheme as the application
    // palette (ColourScheme::palette); the window takes its palette from its style at creation,
    // not from the application's.
    palette.window: design.surface
    palette.windowText: design.text
    palette.base: design.raised
    palette.alternateBase: design.surface
    palette.text: design.text
    palette.button: design.raised
    palette.buttonText: design.text
    palette.brightText: design.text
    palette.toolTipBase: design.raised
    palette.toolTipText: design.text
    palette.placeholderText: design.textMuted
    palette.highlight: design.accent
    palette.highlightedText: design.onAccent
    palette.link: design.accent
    palette.linkVisited: design.reasoningAccent
    palette.mid: design.border
    palette.disabled.windowText: design.textMuted
    palette.disabled.text: design.textMuted
    palette.disabled.buttonText: design.textMuted
    title: chat.conversationId > 0 ? qsTr("%1 — Sikao").arg(chat.conversationTitle) : qsTr("Sikao")

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // "" (the chat), "models" or "settings". Any view reaches it through
    // ApplicationWindow.window.showPage().
    property string page: ""
    // A page is created the first time it is opened (a fast start) and kept.
    property var openedPages: ({})
    function showPage(name) {
        if (name !== "" && !openedPages[name]) {
            const opened = Object.assign({}, openedPages)
            opened[name] = true
            openedPages = opened
        }
        page = name
    }

    Component.onCompleted: placeWindow()
    onClosing: rememberGeometry()
    function rememberGeometry() { settings.windowGeometry = Qt.rect(x, y, width, height) }
    function placeWindow() {
        const g = settings.windowGeometry
        const screens = Qt.application.screens
        // The remembered geometry, where its middle is on a screen that is still there (a
        // monitor may have gone).
        if (g.width > 0 && g.height > 0) {
            const cx = g.x + g.width / 2
            const cy = g.y + g.height / 2
            for (const s of screens) {
                if (cx >= s.virtualX && cx < s.virtualX + s.width && cy >= s.virtualY && cy < s.virtualY + s.height) {
                    window.width = Math.min(g.width, s.width)
                    window.height = Math.min(g.height, s.height)
                    window.x = g.x
                    window.y = g.y
                    return
                }
            }
        }
        // Else 80 % of the first screen's free area, at most 1280 × 860.
        if (screens.length > 0) {
            const s = screens[0]
            window.width = Math.round(Math.min(1280, Math.max(minimumWidth, s.desktopAvailableWidth * 0.8)))
            window.height = Math.round(Math.min(860, Math.max(minimumHeight, s.desktopAvailableHeight * 0.85)))
        }
    }
    function toggleSidebar() { settings.sidebarCollapsed = !settings.sidebarCollapsed }

    function showInspector(row) { chat.inspect(row); inspector.visible = true }
    function hideInspector() { inspector.visible = false }
    function focusSearch() { showPage(""); settings.sidebarCollapsed = false; sidebar.focusSearch() }
    function searchFor(text) { showPage(""); settings.sidebarCollapsed = false; sidebar.search(text) }

    // The context properties under names the pages' own properties do not shadow.
    readonly property ModelManager appModels: modelManager
    readonly property Settings appSettings: settings
    readonly property LanguageManager appLanguages: languages
    readonly property DeviceListModel appDevices: devices

    // A .gguf file dropped anywhere on the window is added to the models and loaded.
    DropArea {
        objectName: "modelDrop"
        anchors.fill: parent
        onEntered: (drag) => { drag.accepted = drag.hasUrls }
        onDropped: (drop) => {
            if (drop.hasUrls && window.appModels.openDropped(drop.urls)) {
                drop.acceptProposedAction()
                window.showPage("models")
            }
        }
    }

    Shortcut {
        sequence: "Ctrl+,"
        onActivated: window.showPage("settings")
    }
    Shortcut {
        sequence: "Esc"
        enabled: window.page !== "" && !chat.generating
        onActivated: window.showPage("")
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: { window.showPage(""); chat.newChat(); chatView.focusComposer() }
    }
    Shortcut {
        sequence: "Ctrl+F"
        onActivated: window.focusSearch()
    }
    Shortcut {
        sequence: "Ctrl+B"
        onActivated: window.toggleSidebar()
    }
    Shortcut {
        sequence: "Ctrl+L"
        onActivated: { window.showPage(""); chatView.focusComposer() }
    }
    Shortcut {
        sequence: "Esc"
        enabled: chat.generating
        onActivated: chat.stop()
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        onActivated: chat.copyLastAnswer()
    }

    header: ToolBar {
        objectName: "pageBar"
        visible: window.page !== ""
        RowLayout {
            anchors.fill: parent
            IconButton {
                objectName: "backToChat"
                iconName: window.LayoutMirroring.enabled ? "arrow-right" : "arrow-left"
                text: qsTr("Back to chat")
                onClicked: window.showPage("")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Back to chat (Esc)")
            }
            Label {
                readonly property Item shown: window.page === "models" ? modelsPageLoader.item
                                                                      : settingsPageLoader.item
                text: shown && !shown.header ? shown.title : ""  // a page with a header names itself
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: window.page === "models" ? 1 : window.page === "settings" ? 2 : 0

        RowLayout {
            spacing: 0

            Sidebar {
                id: sidebar
                objectName: "sidebar"
                visible: !settings.sidebarCollapsed
                Layout.preferredWidth: design.sidebarWidth
                Layout.fillHeight: true
            }
            SidebarRail {
                objectName: "sidebarRail"
                visible: settings.sidebarCollapsed
                Layout.fillHeight: true
            }
            ChatView {
                id: chatView
                objectName: "chatView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                onInspectRequested: (row) => window.showInspector(row)
            }
            InspectorPanel {
                id: inspector
                objectName: "inspector"
                visible: false
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                onCloseRequested: visible = false
            }
        }

        Loader {
            id: modelsPageLoader
            active: window.openedPages["models"] === true
            sourceComponent: ModelManagerPage { objectName: "modelsPage"; modelManager: window.appModels }
        }
        Loader {
            id: settingsPageLoader
            active: window.openedPages["settings"] === true
            sourceComponent: SettingsPage {
                objectName: "settingsPage"
                settings: window.appSettings
                languages: window.appLanguages
                devices: window.appDevices
            }
        }
    }

    footer: StatusBar {}

    Connections {
        target: chat
        function onLastErrorChanged() { if (chat.lastError !== "") errorPopup.open() }
    }
    Popup {
        id: errorPopup
        objectName: "errorPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(window.width - 40, 480)
        padding: 16
        contentItem: ColumnLayout {
            Accessible.role: Accessible.AlertMessage
            Accessible.name: chat.lastError
            Label {
                objectName: "errorSentence"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: chat.lastError
                color: design.danger
            }
            Label {
                objectName: "errorDetail"
                visible: chat.lastErrorDetail !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: design.textMuted
                text: chat.lastErrorDetail
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: errorPopup.close()
            }
        }
    }
}
