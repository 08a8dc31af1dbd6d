{{- define "govcloud.labels" -}}
app.kubernetes.io/managed-by: govcloud
app.kubernetes.io/part-of: govcloud-baseline
govcloud.gov.cn/network: {{ .Values.network | quote }}
{{- end -}}
