#include "ui/campaigns/CampaignEditorDialog.h"

#include "core/domain/Money.h"
#include "core/services/CampaignService.h"
#include "ui/Background.h"
#include "ui/GuiActor.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"
#include "ui/campaigns/LaunchCheckView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ads::ui {

using namespace ads::core;

namespace {

// Long enough to skip the keystrokes of a word, short enough to feel immediate.
constexpr int kValidationDelayMs = 150;

const QString kNoValue = QStringLiteral("—");

enum AllocationColumn
{
    PlatformColumn,
    AmountColumn,
    ShareColumn,
    AllocationColumnCount,
};

const QStringList &commonCurrencies()
{
    // The buyer may type any other ISO 4217 code; these only save typing.
    static const QStringList codes =
        QStringLiteral("USD EUR GBP CAD AUD JPY CHF SEK NOK DKK PLN BRL MXN INR KRW").split(u' ');
    return codes;
}

/** Check box text with a mnemonic that no other label on the form uses. */
QString platformCheckText(Platform platform)
{
    switch (platform) {
    case Platform::Facebook:
        return QStringLiteral("&Facebook");
    case Platform::Google:
        return QStringLiteral("&Google");
    case Platform::TikTok:
        return QStringLiteral("Tik&Tok");
    case Platform::LinkedIn:
        return QStringLiteral("Lin&kedIn");
    case Platform::Pinterest:
        return QStringLiteral("&Pinterest");
    case Platform::Snapchat:
        return QStringLiteral("Snapc&hat");
    }
    return Presentation::platformTitle(platform);
}

/** Digits, then the locale's decimal point and at most six decimals: what parseDecimal reads
 * exactly. */
QValidator *makeDecimalValidator(QObject *parent)
{
    const QString point = QRegularExpression::escape(QLocale().decimalPoint());
    const QRegularExpression pattern(QStringLiteral("^\\d{0,13}(%1\\d{0,6})?$").arg(point));
    return new QRegularExpressionValidator(pattern, parent);
}

/** The amount as typed, read into exact micros. Group separators are not accepted on purpose. */
std::optional<qint64> readDecimal(const QString &text)
{
    QString plain = text.trimmed();
    plain.replace(QLocale().decimalPoint(), QStringLiteral("."));
    const auto micros = money::parseDecimal(plain);
    return micros ? std::optional<qint64>(*micros) : std::nullopt;
}

/** "150.50" with the locale's decimal point, for hints. */
QString exampleAmount()
{
    return QStringLiteral("150") + QLocale().decimalPoint() + QStringLiteral("50");
}

/** Edits allocation amounts with the same decimal rules as the budget amount. */
class DecimalDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *editor = new QLineEdit(parent);
        editor->setValidator(makeDecimalValidator(editor));
        return editor;
    }
};

QStringList checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty() && item->checkState() == Qt::Checked)
            ids.append(id);
    }
    return ids;
}

QListWidgetItem *makeCheckItem(const QString &text, const QString &id, const QString &toolTip)
{
    auto *item = new QListWidgetItem(text);
    item->setData(Qt::UserRole, id);
    item->setToolTip(toolTip);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    return item;
}

void showPlaceholder(QListWidget *list, const QString &text)
{
    list->clear();
    auto *item = new QListWidgetItem(text);
    item->setFlags(Qt::NoItemFlags);
    list->addItem(item);
}

} // namespace

CampaignEditorDialog::CampaignEditorDialog(CampaignService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("New campaign"));
    buildForm();

    // A new campaign starts at the next full hour, local time; the end date is opt-in.
    m_filling = true;
    QDateTime start = QDateTime::currentDateTime();
    start.setTime(QTime(start.time().hour(), 0));
    m_start->setDateTime(start.addSecs(3600));
    m_end->setDateTime(m_start->dateTime().addDays(30));
    m_filling = false;

    loadLibrary();
    scheduleValidation();
}

CampaignEditorDialog::CampaignEditorDialog(CampaignService *service,
                                           const Campaign &campaign,
                                           QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_campaignId(campaign.id)
{
    setWindowTitle(tr("Edit “%1”").arg(campaign.spec.name));
    buildForm();
    fillFromCampaign(campaign);

    // Stored data is shown as it is, so any problem with it is shown at once too.
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        m_touched.insert(it.key());

    loadLibrary();
    scheduleValidation();
    runLaunchCheck();
}

CampaignEditorDialog::~CampaignEditorDialog()
{
    // QDialog's destructor hides the window, which makes an open cell editor commit its text;
    // that must not reach this half-destroyed object.
    const QList<QWidget *> fields = findChildren<QWidget *>();
    for (QWidget *field : fields)
        disconnect(field, nullptr, this, nullptr);
}

void CampaignEditorDialog::buildForm()
{
    m_errorTitles = {{QStringLiteral("name"), tr("name")},
                     {QStringLiteral("objective"), tr("objective")},
                     {QStringLiteral("platforms"), tr("platforms")},
                     {QStringLiteral("budget.type"), tr("budget type")},
                     {QStringLiteral("budget.amount"), tr("amount")},
                     {QStringLiteral("budget.currency"), tr("currency")},
                     {QStringLiteral("budget.allocation"), tr("split by platform")},
                     {QStringLiteral("audienceIds"), tr("audiences")},
                     {QStringLiteral("creativeIds"), tr("creatives")},
                     {QStringLiteral("schedule.startAt"), tr("start")},
                     {QStringLiteral("schedule.endAt"), tr("end")}};

    auto *left = new QVBoxLayout;
    left->addWidget(buildCampaignBox());
    left->addWidget(buildBudgetBox(), 1);
    auto *right = new QVBoxLayout;
    right->addWidget(buildLibraryBox(), 1);
    right->addWidget(buildScheduleBox());
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    m_general = new QLabel;
    m_general->setObjectName(QStringLiteral("generalMessage"));
    m_general->setWordWrap(true);
    m_general->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CampaignEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buildCheckBox());
    layout->addWidget(m_general);
    layout->addWidget(buttons);

    m_validationTimer = new QTimer(this);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(kValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, &CampaignEditorDialog::runValidation);

    resize(940, 720); // wide enough for creative names without a scroll bar
    setUpTabOrder();
    connectEdits();
    updateAllocationRows();
    updateShares();
    updateOkButton();
}

QWidget *CampaignEditorDialog::buildCampaignBox()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Winter sale – video"));
    auto *nameLabel = new QLabel(tr("&Name:"));
    nameLabel->setBuddy(m_name);

    m_objective = new QComboBox;
    m_objective->setObjectName(QStringLiteral("objective"));
    for (Objective objective : allObjectives()) {
        const QString name = objectiveName(objective);
        m_objective->addItem(Presentation::objectiveTitle(name), name);
    }
    m_objective->setPlaceholderText(tr("Choose an objective"));
    m_objective->setCurrentIndex(-1);
    auto *objectiveLabel = new QLabel(tr("&Objective:"));
    objectiveLabel->setBuddy(m_objective);

    auto *platforms = new QWidget;
    auto *platformRow = new QHBoxLayout(platforms);
    platformRow->setContentsMargins(0, 0, 0, 0);
    for (Platform platform : supportedPlatforms()) {
        auto *box = new QCheckBox(platformCheckText(platform));
        box->setObjectName(QStringLiteral("platform-%1").arg(platformName(platform)));
        platformRow->addWidget(box);
        m_platformBoxes.insert(platform, box);
    }
    platformRow->addStretch(1);

    auto *box = new QGroupBox(tr("Campaign"));
    auto *form = new QFormLayout(box);
    form->addRow(nameLabel, withErrorLabel(m_name, QStringLiteral("name")));
    form->addRow(objectiveLabel, withErrorLabel(m_objective, QStringLiteral("objective")));
    form->addRow(tr("Platforms:"), withErrorLabel(platforms, QStringLiteral("platforms")));
    return box;
}

QWidget *CampaignEditorDialog::buildBudgetBox()
{
    m_budgetType = new QComboBox;
    m_budgetType->setObjectName(QStringLiteral("budgetType"));
    m_budgetType->addItem(Presentation::budgetTypeTitle(BudgetType::Daily),
                          int(BudgetType::Daily));
    m_budgetType->addItem(Presentation::budgetTypeTitle(BudgetType::Lifetime),
                          int(BudgetType::Lifetime));
    auto *typeLabel = new QLabel(tr("Budget t&ype:"));
    typeLabel->setBuddy(m_budgetType);

    // Text, never a double spin box: the amount is read exactly as typed.
    m_amount = new QLineEdit;
    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setValidator(makeDecimalValidator(m_amount));
    m_amount->setPlaceholderText(tr("e.g. %1").arg(exampleAmount()));
    auto *amountLabel = new QLabel(tr("&Amount:"));
    amountLabel->setBuddy(m_amount);

    m_currency = new QComboBox;
    m_currency->setObjectName(QStringLiteral("currency"));
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    m_currency->addItems(commonCurrencies());
    m_currency->setCurrentText(QStringLiteral("USD"));
    m_currency->lineEdit()->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^[A-Za-z]{0,3}$")), m_currency));
    auto *currencyLabel = new QLabel(tr("C&urrency:"));
    currencyLabel->setBuddy(m_currency);

    m_allocation = new QTableWidget(int(supportedPlatforms().size()), AllocationColumnCount);
    m_allocation->setObjectName(QStringLiteral("allocation"));
    m_allocation->setHorizontalHeaderLabels({tr("Platform"), tr("Amount"), tr("Share")});
    m_allocation->verticalHeader()->hide();
    m_allocation->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_allocation->setItemDelegateForColumn(AmountColumn, new DecimalDelegate(m_allocation));
    m_allocation->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_allocation->setSelectionMode(QAbstractItemView::SingleSelection);
    // Not CurrentChanged: moving through the rows with the arrow keys should not open editors.
    m_allocation->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
        | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    int row = 0;
    for (Platform platform : supportedPlatforms()) {
        auto *name = new QTableWidgetItem(Presentation::platformTitle(platform));
        name->setData(Qt::UserRole, int(platform));
        name->setFlags(Qt::ItemIsEnabled);
        auto *amount = new QTableWidgetItem;
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *share = new QTableWidgetItem;
        share->setFlags(Qt::ItemIsEnabled);
        share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_allocation->setItem(row, PlatformColumn, name);
        m_allocation->setItem(row, AmountColumn, amount);
        m_allocation->setItem(row, ShareColumn, share);
        ++row;
    }
    // Exactly as tall as its rows (see updateAllocationRows); the hint below explains blanks.
    m_allocation->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_allocation->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *allocationLabel = new QLabel(tr("Sp&lit by platform:"));
    allocationLabel->setBuddy(m_allocation);
    auto *hint = new QLabel(tr("Leave the amounts empty to split the budget evenly."));
    hint->setWordWrap(true);
    auto *allocation = new QWidget;
    auto *allocationLayout = new QVBoxLayout(allocation);
    allocationLayout->setContentsMargins(0, 0, 0, 0);
    allocationLayout->addWidget(m_allocation);
    allocationLayout->addWidget(hint);

    auto *box = new QGroupBox(tr("Budget"));
    auto *form = new QFormLayout(box);
    form->addRow(typeLabel, withErrorLabel(m_budgetType, QStringLiteral("budget.type")));
    form->addRow(amountLabel, withErrorLabel(m_amount, QStringLiteral("budget.amount")));
    form->addRow(currencyLabel, withErrorLabel(m_currency, QStringLiteral("budget.currency")));
    form->addRow(allocationLabel, withErrorLabel(allocation, QStringLiteral("budget.allocation")));
    return box;
}

QWidget *CampaignEditorDialog::buildLibraryBox()
{
    m_audiences = new QListWidget;
    m_audiences->setObjectName(QStringLiteral("audiences"));
    m_creatives = new QListWidget;
    m_creatives->setObjectName(QStringLiteral("creatives"));
    for (QListWidget *list : {m_audiences, m_creatives}) {
        showPlaceholder(list, tr("Loading…"));
        list->setMinimumHeight(90);
    }

    auto *audienceLabel = new QLabel(tr("Au&diences:"));
    audienceLabel->setBuddy(m_audiences);
    auto *creativeLabel = new QLabel(tr("&Creatives:"));
    creativeLabel->setBuddy(m_creatives);

    auto *box = new QGroupBox(tr("Audiences and creatives"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(audienceLabel);
    layout->addWidget(withErrorLabel(m_audiences, QStringLiteral("audienceIds")), 1);
    layout->addWidget(creativeLabel);
    layout->addWidget(withErrorLabel(m_creatives, QStringLiteral("creativeIds")), 1);
    return box;
}

QWidget *CampaignEditorDialog::buildScheduleBox()
{
    // Shown in local time, stored as UTC: readForm() converts.
    m_start = new QDateTimeEdit;
    m_start->setObjectName(QStringLiteral("startAt"));
    m_end = new QDateTimeEdit;
    m_end->setObjectName(QStringLiteral("endAt"));
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy HH:mm"));
    }
    m_end->setEnabled(false);
    auto *startLabel = new QLabel(tr("Sta&rts:"));
    startLabel->setBuddy(m_start);
    m_hasEnd = new QCheckBox(tr("&Ends:"));
    m_hasEnd->setObjectName(QStringLiteral("hasEnd"));
    m_hasEnd->setToolTip(tr("Without an end date a daily budget runs until you pause it."));

    const QString zone = QDateTime::currentDateTime().timeZoneAbbreviation();
    auto *note = new QLabel(tr("Times are in your time zone (%1).").arg(zone));
    note->setWordWrap(true);

    auto *box = new QGroupBox(tr("Schedule"));
    auto *form = new QFormLayout(box);
    form->addRow(startLabel, withErrorLabel(m_start, QStringLiteral("schedule.startAt")));
    form->addRow(m_hasEnd, withErrorLabel(m_end, QStringLiteral("schedule.endAt")));
    form->addRow(note);
    return box;
}

QWidget *CampaignEditorDialog::withErrorLabel(QWidget *field, const QString &key)
{
    m_keyOrder.append(key);
    auto *error = new QLabel;
    error->setObjectName(QStringLiteral("error-%1").arg(key));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->hide();
    m_errorLabels.insert(key, error);

    auto *container = new QWidget;
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return container;
}

QWidget *CampaignEditorDialog::buildCheckBox()
{
    m_checkView = new LaunchCheckView;
    m_checkView->showMessage(tr("Save the campaign to check it with its platforms."));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_checkView);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(110);

    m_checkButton = new QPushButton(tr("Check &with platforms"));
    m_checkButton->setObjectName(QStringLiteral("checkLaunch"));
    m_checkButton->setAutoDefault(false); // Enter still means Save
    m_checkButton->setToolTip(tr("Saves your changes, then shows what each platform would refuse "
                                 "or warn about. Nothing is sent to the platforms."));
    connect(m_checkButton, &QPushButton::clicked, this, &CampaignEditorDialog::checkWithPlatforms);
    m_checkNote = new QLabel;
    m_checkNote->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_checkNote, 1);
    row->addWidget(m_checkButton);
    auto *box = new QGroupBox(tr("Before launch"));
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(scroll, 1);
    return box;
}

void CampaignEditorDialog::setUpTabOrder()
{
    QList<QWidget *> order{m_name, m_objective};
    for (Platform platform : supportedPlatforms())
        order.append(m_platformBoxes.value(platform));
    order += {m_budgetType,
              m_amount,
              m_currency,
              m_allocation,
              m_audiences,
              m_creatives,
              m_start,
              m_hasEnd,
              m_end,
              m_checkButton};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void CampaignEditorDialog::connectEdits()
{
    auto touching = [this](const QString &key) {
        return [this, key] {
            touch(key);
        };
    };

    connect(m_name, &QLineEdit::textEdited, this, touching(QStringLiteral("name")));
    connect(
        m_objective, &QComboBox::currentIndexChanged, this, touching(QStringLiteral("objective")));
    for (QCheckBox *box : std::as_const(m_platformBoxes)) {
        connect(box, &QCheckBox::toggled, this, [this] {
            updateAllocationRows();
            touch(QStringLiteral("platforms"));
        });
    }
    connect(m_budgetType,
            &QComboBox::currentIndexChanged,
            this,
            touching(QStringLiteral("budget.type")));
    connect(m_amount, &QLineEdit::textChanged, this, touching(QStringLiteral("budget.amount")));
    connect(m_currency,
            &QComboBox::editTextChanged,
            this,
            touching(QStringLiteral("budget.currency")));
    connect(m_allocation, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == AmountColumn)
            touch(QStringLiteral("budget.allocation"));
    });
    connect(m_audiences, &QListWidget::itemChanged, this, touching(QStringLiteral("audienceIds")));
    connect(m_creatives, &QListWidget::itemChanged, this, touching(QStringLiteral("creativeIds")));
    connect(m_start,
            &QDateTimeEdit::dateTimeChanged,
            this,
            touching(QStringLiteral("schedule.startAt")));
    connect(
        m_end, &QDateTimeEdit::dateTimeChanged, this, touching(QStringLiteral("schedule.endAt")));
    connect(m_hasEnd, &QCheckBox::toggled, this, [this](bool on) {
        m_end->setEnabled(on);
        touch(QStringLiteral("schedule.endAt"));
    });
}

void CampaignEditorDialog::touch(const QString &key)
{
    if (m_filling)
        return;
    m_touched.insert(key);
    if (!m_dirty && isEditing())
        m_checkNote->setText(tr("The check below is for the saved campaign; checking again saves "
                                "your edits first."));
    m_dirty = true;
    updateShares();
    scheduleValidation();
}

void CampaignEditorDialog::loadLibrary()
{
    const CampaignService *service = m_service;
    runInBackground(
        this,
        [service] { return std::make_pair(service->audiences(), service->creatives()); },
        [this](const std::pair<QList<Audience>, QList<Creative>> &library) {
            fillLibraryLists(library.first, library.second);
        });
}

void CampaignEditorDialog::fillLibraryLists(const QList<Audience> &audiences,
                                            const QList<Creative> &creatives)
{
    m_filling = true;
    m_audiences->clear();
    for (const Audience &audience : audiences) {
        const QString tip = audience.description.isEmpty()
                                ? audience.id
                                : tr("%1 – %2").arg(audience.id, audience.description);
        m_audiences->addItem(makeCheckItem(audience.name, audience.id, tip));
    }
    m_creatives->clear();
    for (const Creative &creative : creatives) {
        const QString tip = creative.headline.isEmpty()
                                ? creative.id
                                : tr("%1 – %2").arg(creative.id, creative.headline);
        m_creatives->addItem(makeCheckItem(creative.name, creative.id, tip));
    }
    checkListItems(m_audiences, m_pendingAudienceIds);
    checkListItems(m_creatives, m_pendingCreativeIds);
    if (m_audiences->count() == 0)
        showPlaceholder(m_audiences, tr("No audiences in the library yet."));
    if (m_creatives->count() == 0)
        showPlaceholder(m_creatives, tr("No creatives in the library yet."));
    m_filling = false;

    m_libraryLoaded = true;
    qCDebug(lcUiCampaigns) << "editor library:" << audiences.size() << "audiences,"
                           << creatives.size() << "creatives";
    scheduleValidation();
}

void CampaignEditorDialog::checkListItems(QListWidget *list, const QStringList &ids)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (!item->data(Qt::UserRole).toString().isEmpty())
            item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                  : Qt::Unchecked);
    }

    // An id the library no longer has stays visible and checked, so validation can name it.
    for (const QString &id : ids) {
        if (!checkedIds(list).contains(id)) {
            QListWidgetItem *item = makeCheckItem(tr("%1 (not in the library)").arg(id), id, id);
            item->setCheckState(Qt::Checked);
            list->addItem(item);
        }
    }
}

void CampaignEditorDialog::fillFromCampaign(const Campaign &campaign)
{
    const CampaignSpec &spec = campaign.spec;
    m_filling = true;
    m_version = campaign.version;
    m_name->setText(spec.name);
    m_objective->setCurrentIndex(m_objective->findData(spec.objective));
    for (auto it = m_platformBoxes.begin(); it != m_platformBoxes.end(); ++it)
        it.value()->setChecked(spec.platforms.contains(platformName(it.key())));
    m_budgetType->setCurrentIndex(m_budgetType->findData(int(spec.budget.type)));
    m_amount->setText(
        money::toDecimal(spec.budget.amount.micros).replace(u'.', QLocale().decimalPoint()));
    m_currency->setCurrentText(spec.budget.amount.currency);
    for (int row = 0; row < m_allocation->rowCount(); ++row) {
        const auto platform =
            Platform(m_allocation->item(row, PlatformColumn)->data(Qt::UserRole).toInt());
        const auto share = spec.budget.allocation.constFind(platform);
        const QString text =
            share == spec.budget.allocation.cend()
                ? QString()
                : money::toDecimal(*share).replace(u'.', QLocale().decimalPoint());
        m_allocation->item(row, AmountColumn)->setText(text);
    }
    m_pendingAudienceIds = spec.audienceIds;
    m_pendingCreativeIds = spec.creativeIds;
    if (m_libraryLoaded) {
        checkListItems(m_audiences, spec.audienceIds);
        checkListItems(m_creatives, spec.creativeIds);
    }
    m_start->setDateTime(spec.schedule.startAt.toLocalTime());
    m_hasEnd->setChecked(spec.schedule.endAt.isValid());
    m_end->setEnabled(spec.schedule.endAt.isValid());
    if (spec.schedule.endAt.isValid())
        m_end->setDateTime(spec.schedule.endAt.toLocalTime());
    m_filling = false;
    m_dirty = false;

    updateAllocationRows();
    updateShares();
}

void CampaignEditorDialog::reloadCampaign()
{
    const CampaignService *service = m_service;
    const QString id = m_campaignId;
    runInBackground(
        this,
        [service, id] { return service->campaign(id); },
        [this](const Result<Campaign> &result) {
            if (!result) {
                setNotice(
                    tr("The latest version could not be read: %1").arg(result.error().message),
                    true);
                return;
            }
            fillFromCampaign(*result);
            scheduleValidation();
        });
}

CampaignSpec CampaignEditorDialog::spec() const
{
    return readForm().spec;
}

CampaignEditorDialog::FormReading CampaignEditorDialog::readForm() const
{
    FormReading reading;
    CampaignSpec &spec = reading.spec;
    const QString unreadable = tr("Enter an amount such as 150 or %1.").arg(exampleAmount());

    spec.name = m_name->text();
    spec.objective = m_objective->currentData().toString();
    for (Platform platform : supportedPlatforms()) {
        if (m_platformBoxes.value(platform)->isChecked())
            spec.platforms.append(platformName(platform));
    }

    spec.budget.type = BudgetType(m_budgetType->currentData().toInt());
    spec.budget.amount.currency = m_currency->currentText().trimmed().toUpper();
    if (const auto micros = readDecimal(m_amount->text()))
        spec.budget.amount.micros = *micros;
    else
        reading.localErrors.append({QStringLiteral("budget.amount"), unreadable});

    for (int row = 0; row < m_allocation->rowCount(); ++row) {
        const auto platform =
            Platform(m_allocation->item(row, PlatformColumn)->data(Qt::UserRole).toInt());
        const QString text = m_allocation->item(row, AmountColumn)->text().trimmed();
        if (text.isEmpty() || !spec.platforms.contains(platformName(platform)))
            continue;
        if (const auto micros = readDecimal(text))
            spec.budget.allocation.insert(platform, *micros);
        else
            reading.localErrors.append(
                {QStringLiteral("budget.allocation.%1").arg(platformName(platform)), unreadable});
    }

    spec.audienceIds = checkedIds(m_audiences);
    spec.creativeIds = checkedIds(m_creatives);
    spec.schedule.startAt = m_start->dateTime().toUTC();
    if (m_hasEnd->isChecked())
        spec.schedule.endAt = m_end->dateTime().toUTC();
    return reading;
}

void CampaignEditorDialog::scheduleValidation()
{
    // Bumped now, not when the timer fires, so an answer for older text is never shown.
    ++m_validationGeneration;
    m_validationPending = true;
    m_validationTimer->start();
    updateOkButton();
}

void CampaignEditorDialog::runValidation()
{
    const quint64 generation = m_validationGeneration;
    const CampaignSpec spec = readForm().spec;
    const CampaignService *service = m_service;
    runInBackground(
        this,
        [service, spec] { return service->validate(spec); },
        [this, generation](const QList<FieldError> &errors) {
            if (generation != m_validationGeneration)
                return;
            m_validationPending = false;
            m_serviceErrors = errors;
            showErrors();
            updateOkButton();
            emit validated();
        });
}

void CampaignEditorDialog::showErrors()
{
    const FormReading reading = readForm();
    QHash<QString, QStringList> inlineErrors;
    QStringList stillNeededKeys;
    m_unplacedErrors.clear();
    m_stillNeeded.clear();

    auto place = [&](const FieldError &error) {
        const QString key = errorKeyFor(error.field);
        if (key.isEmpty()) {
            m_unplacedErrors.append(tr("%1: %2").arg(error.field, error.message));
        } else if (!m_touched.contains(key)) {
            if (!stillNeededKeys.contains(key))
                stillNeededKeys.append(key);
        } else {
            inlineErrors[key].append(readableMessage(error.field, error.message));
        }
    };

    // What the form could not even read says more than what the service made of a zero.
    QSet<QString> localFields;
    for (const FieldError &error : reading.localErrors) {
        place(error);
        localFields.insert(error.field);
    }
    for (const FieldError &error : std::as_const(m_serviceErrors)) {
        if (!localFields.contains(error.field))
            place(error);
    }

    // Listed in the order the fields appear on the form.
    std::sort(stillNeededKeys.begin(),
              stillNeededKeys.end(),
              [this](const QString &a, const QString &b) {
                  return m_keyOrder.indexOf(a) < m_keyOrder.indexOf(b);
              });
    for (const QString &key : std::as_const(stillNeededKeys))
        m_stillNeeded.append(m_errorTitles.value(key));

    for (auto it = m_errorLabels.begin(); it != m_errorLabels.end(); ++it) {
        const QString text = inlineErrors.value(it.key()).join(u'\n');
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    updateGeneralLabel();
}

QString CampaignEditorDialog::errorKeyFor(const QString &field) const
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("budget"), QStringLiteral("budget.amount")},
        {QStringLiteral("schedule"), QStringLiteral("schedule.startAt")}};
    QString key = field;
    while (!key.isEmpty()) {
        if (m_errorLabels.contains(key))
            return key;
        if (aliases.contains(key))
            return aliases.value(key);

        // "platforms[2]" belongs to platforms, "budget.allocation.tiktok" to budget.allocation.
        const qsizetype cut = std::max(key.lastIndexOf(u'['), key.lastIndexOf(u'.'));
        if (cut <= 0)
            break;
        key.truncate(cut);
    }
    return {};
}

QString CampaignEditorDialog::readableMessage(const QString &field, const QString &message) const
{
    // Core messages are fragments for API clients ("must be greater than zero") and may name
    // other fields by their JSON path; beside a form field a sentence with plain names reads
    // better.
    QString text = message.trimmed();
    text.replace(QStringLiteral("schedule.startAt"), tr("the start"));
    text.replace(QStringLiteral("schedule.endAt"), tr("the end"));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'?') && !text.endsWith(u'!'))
        text += u'.';

    const QString allocationPrefix = QStringLiteral("budget.allocation.");
    if (field.startsWith(allocationPrefix)) {
        if (const auto platform = platformFromName(field.mid(allocationPrefix.size())))
            return tr("%1: %2").arg(Presentation::platformTitle(*platform), text);
    }
    return text;
}

void CampaignEditorDialog::updateAllocationRows()
{
    for (int row = 0; row < m_allocation->rowCount(); ++row) {
        const auto platform =
            Platform(m_allocation->item(row, PlatformColumn)->data(Qt::UserRole).toInt());
        m_allocation->setRowHidden(row, !m_platformBoxes.value(platform)->isChecked());
    }

    int visible = 0;
    for (int row = 0; row < m_allocation->rowCount(); ++row)
        visible += m_allocation->isRowHidden(row) ? 0 : 1;
    m_allocation->setFixedHeight(m_allocation->horizontalHeader()->sizeHint().height()
                                 + std::max(visible, 1)
                                       * m_allocation->verticalHeader()->defaultSectionSize()
                                 + 2 * m_allocation->frameWidth());
}

void CampaignEditorDialog::updateShares()
{
    const FormReading reading = readForm();
    const Budget &budget = reading.spec.budget;
    const QList<Platform> platforms = campaignPlatforms(reading.spec);
    const bool amountRead =
        std::none_of(reading.localErrors.cbegin(),
                     reading.localErrors.cend(),
                     [](const FieldError &e) { return e.field == u"budget.amount"; });

    // The split itself is the core's; the form only shows it.
    const QMap<Platform, qint64> shares = splitBudget(budget, platforms);
    const QSignalBlocker blocker(m_allocation);
    for (int row = 0; row < m_allocation->rowCount(); ++row) {
        const auto platform =
            Platform(m_allocation->item(row, PlatformColumn)->data(Qt::UserRole).toInt());
        QString text;
        if (!platforms.contains(platform))
            text.clear();
        else if (budget.allocation.isEmpty() ? !amountRead : !budget.allocation.contains(platform))
            text = kNoValue;
        else
            text = Presentation::money(shares.value(platform), budget.amount.currency);
        m_allocation->item(row, ShareColumn)->setText(text);
    }
}

void CampaignEditorDialog::updateOkButton()
{
    const bool valid = m_serviceErrors.isEmpty() && readForm().localErrors.isEmpty();
    m_ok->setEnabled(valid && m_libraryLoaded && !m_validationPending && !m_saving);
    // Checking a stored campaign as it is needs no save; anything else saves first.
    m_checkButton->setEnabled(!m_saving && ((isEditing() && !m_dirty) || m_ok->isEnabled()));
}

void CampaignEditorDialog::setNotice(const QString &text, bool warning)
{
    m_notice = text;
    m_noticeIsWarning = warning;
    updateGeneralLabel();
}

void CampaignEditorDialog::updateGeneralLabel()
{
    QStringList lines;
    if (!m_notice.isEmpty())
        lines.append(m_notice);
    lines += m_unplacedErrors;
    if (!m_stillNeeded.isEmpty())
        lines.append(tr("Still needed: %1.").arg(m_stillNeeded.join(QStringLiteral(", "))));

    m_general->setText(lines.join(u'\n'));
    m_general->setStyleSheet(m_noticeIsWarning ? QStringLiteral("color: #c62828;") : QString());
}

void CampaignEditorDialog::continueEditing(const Campaign &saved)
{
    // A new campaign saved by Check becomes an edit of the stored one.
    m_campaignId = saved.id;
    m_version = saved.version;
    m_dirty = false;
    setWindowTitle(tr("Edit “%1”").arg(saved.spec.name));
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        m_touched.insert(it.key());
    setNotice(tr("Saved."));
    updateOkButton();
    runLaunchCheck();
}

void CampaignEditorDialog::runLaunchCheck()
{
    m_checkNote->clear();
    m_checkView->showMessage(tr("Checking with the platforms…"));
    const quint64 generation = ++m_checkGeneration;
    const CampaignService *service = m_service;
    const QString id = m_campaignId;
    runInBackground(
        this,
        [service, id] { return service->checkLaunch(id); },
        [this, generation](const Result<LaunchCheck> &check) {
            if (generation != m_checkGeneration)
                return; // a newer check is on its way
            if (check)
                m_checkView->showCheck(*check);
            else
                m_checkView->showMessage(
                    tr("The check did not run: %1").arg(check.error().message));
            emit launchChecked();
        });
}

QString CampaignEditorDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(errorKeyFor(field));
    return label ? label->text() : QString();
}

QString CampaignEditorDialog::generalMessage() const
{
    return m_general->text();
}

void CampaignEditorDialog::accept()
{
    // Enter in a field presses the default button even while it is disabled.
    if (!m_ok->isEnabled())
        return;
    save(true);
}

void CampaignEditorDialog::checkWithPlatforms()
{
    if (!m_checkButton->isEnabled())
        return;
    if (isEditing() && !m_dirty)
        runLaunchCheck();
    else
        save(false); // the check reads the stored campaign, so the edits go there first
}

void CampaignEditorDialog::save(bool closeAfter)
{
    m_saving = true;
    m_closeAfterSave = closeAfter;
    setNotice(tr("Saving…"));
    updateOkButton();

    const CampaignSpec spec = readForm().spec;
    const Actor actor = guiActor();
    CampaignService *service = m_service;
    auto done = [this](const Result<Campaign> &result) {
        finishSave(result);
    };
    if (isEditing()) {
        const QString id = m_campaignId;
        const int version = m_version;
        runInBackground(
            this,
            [service, id, spec, version, actor] {
                return service->updateCampaign(id, spec, version, actor);
            },
            done);
    } else {
        runInBackground(
            this, [service, spec, actor] { return service->createCampaign(spec, actor); }, done);
    }
}

void CampaignEditorDialog::finishSave(const Result<Campaign> &result)
{
    m_saving = false;
    if (result) {
        m_saved = *result;
        setNotice({});
        qCInfo(lcUiCampaigns) << (isEditing() ? "updated campaign" : "created campaign")
                              << m_saved.id;
        emit campaignSaved(m_saved);
        if (m_closeAfterSave)
            QDialog::accept();
        else
            continueEditing(m_saved);
        return;
    }

    const Error &error = result.error();
    qCInfo(lcUiCampaigns) << "save refused:" << error.message << error.detail;
    switch (error.code) {
    case ErrorCode::InvalidInput:
        m_serviceErrors = error.fields;
        for (const FieldError &field : error.fields)
            m_touched.insert(errorKeyFor(field.field));
        setNotice(tr("The campaign was not saved: %1").arg(error.message), true);
        showErrors();
        break;
    case ErrorCode::PreconditionFailed:
        setNotice(tr("This campaign was changed elsewhere (in another window or through the local "
                     "API) while "
                     "you were editing it. The form now shows the latest version; make your "
                     "changes again "
                     "and save."),
                  true);
        reloadCampaign();
        break;
    case ErrorCode::NotFound:
        setNotice(tr("This campaign was deleted elsewhere, so there is nothing to save it to."),
                  true);
        break;
    default:
        setNotice(tr("The campaign was not saved: %1").arg(error.message), true);
        break;
    }
    updateOkButton();
}

} // namespace ads::ui
