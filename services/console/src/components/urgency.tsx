import { Typography } from "antd";
import { useLocale } from "../i18n/locale.tsx";

/** "3 working days left" / "overdue by 2 working days", in red when overdue (the words say it too, not only colour). */
export function Urgency({ overdue, workingDaysLeft }: { overdue: boolean; workingDaysLeft: number | null }) {
  const { t } = useLocale();
  if (workingDaysLeft === null) return <Typography.Text type="secondary">{t("work.noDeadline")}</Typography.Text>;
  if (overdue) {
    const days = Math.abs(workingDaysLeft);
    return (
      <Typography.Text type="danger" strong>
        {days === 0 ? t("work.overdueToday") : t("work.overdue", { days })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={workingDaysLeft <= 2 ? "warning" : undefined}>
      {workingDaysLeft === 0 ? t("work.dueToday") : t("work.daysLeft", { days: workingDaysLeft })}
    </Typography.Text>
  );
}
