package chat.free4.ui.about;

import atlantafx.base.theme.Styles;
import chat.free4.AppVersion;
import chat.free4.ui.i18n.Texts;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** What the app is, its version, the emoji artwork's attribution and the third-party licences. */
public final class AboutView extends VBox {
    public AboutView() {
        setId("about");
        setSpacing(10);
        setPadding(new Insets(16));
        Label name = new Label(Texts.get("app.name"));
        name.getStyleClass().add(Styles.TITLE_3);
        Label version = new Label(Texts.get("about.version", AppVersion.get()));
        version.setId("about-version");
        Label tagline = new Label(Texts.get("about.tagline"));
        tagline.setWrapText(true);
        Label emoji = new Label(Texts.get("about.emoji"));
        emoji.setId("about-emoji");
        emoji.setWrapText(true);
        TextArea notice = new TextArea(Notice.text().orElse(Texts.get("about.noticeMissing")));
        notice.setId("about-notice");
        chat.free4.ui.widgets.Described.named(notice, "about.licences");
        notice.setEditable(false);
        notice.setWrapText(true);
        notice.setPrefRowCount(14);
        TitledPane licences = new TitledPane(Texts.get("about.licences"), notice);
        licences.setId("about-licences");
        licences.setExpanded(false);
        getChildren().addAll(name, version, tagline, emoji, licences);
        setPrefWidth(560);
    }
}
