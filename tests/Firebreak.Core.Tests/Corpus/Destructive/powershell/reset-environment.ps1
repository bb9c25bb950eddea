<#
.SYNOPSIS
    Resets an environment. Remove-AzResourceGroup -Name prod-rg -Force is what this must never do to production.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Environment,
    [switch] $Purge
)

Import-Module Az.Resources
Write-Host "Removing Remove-AzResourceGroup -Name $Environment -Force"   # text, not a command
Write-Output 'rm -r -fo C:\data\postgres'

function Clear-LocalData {
    # scratch folders inside the workspace are routine
    Remove-Item -Recurse -Force ./build, ./dist
    Remove-Item -Recurse -Force C:\temp\build
    rm -r -fo C:\data\postgres # expect: FB1001
}

if ($Environment -eq 'production') {
    Remove-AzResourceGroup -Name prod-rg -Force # expect: FB1001
    remove-azresourcegroup -name "prod-rg" -whatif # expect: note: FB1001
} elseif ($Purge) {
    Remove-AzKeyVault -VaultName "kv-$Environment" -InRemovedState -Location westeurope -Confirm:$false # expect: FB1001
} else {
    Get-AzResourceGroup -Name "rg-$Environment" | Format-Table
    New-AzResourceGroup -Name "rg-$Environment" -Location westeurope
}

try {
    Remove-AzSqlDatabase -ResourceGroupName rg -ServerName sql-prod -DatabaseName orders -Force # expect: FB1001
    Get-AzSqlDatabase -ResourceGroupName rg `
        -ServerName sql-prod
} catch {
    Write-Warning "could not remove: $_"
}

$databases = Get-AzSqlDatabase -ResourceGroupName rg -ServerName sql-prod
$databases | Where-Object { $_.DatabaseName -like 'tmp*' } | ForEach-Object {
    Remove-AzSqlDatabase -ResourceGroupName rg -ServerName sql-prod -DatabaseName $_.DatabaseName -Force # expect: FB1001
}

$notes = @"
Remove-AzStorageAccount -ResourceGroupName rg -Name prodstore -Force
"@
$notes | Out-File -FilePath notes.txt

$response = Invoke-RestMethod -Method Delete -Uri "https://api.heroku.com/apps/prod-api" -Headers @{ Authorization = "Bearer $env:HEROKU_API_KEY" } # expect: FB1002
Invoke-RestMethod -Method Get -Uri "https://api.heroku.com/apps/prod-api"
Invoke-RestMethod "https://backboard.railway.app/graphql/v2" -Method Post -Body '{"query":"mutation { volumeDelete(volumeId: \"vol\") }"}' # expect: FB1002

Remove-RDSDBInstance -DBInstanceIdentifier prod-db -SkipFinalSnapshot:$true -Force # expect: FB1001
Remove-RDSDBInstance -DBInstanceIdentifier db -FinalDBSnapshotIdentifier last # expect: FB1001
Get-RDSDBInstance -DBInstanceIdentifier prod-db
Remove-S3Bucket -BucketName uploads -DeleteBucketContent -Force # expect: FB1001
Remove-S3Bucket -BucketName empty-bucket -Force
Remove-DDBTable -TableName orders -Force # expect: FB1001
Remove-GcSqlInstance -Instance prod-sql -Force # expect: FB1001
& az group delete --name prod-rg --yes # expect: FB1001
az group show --name prod-rg
kubectl delete namespace production # expect: FB1001
psql -c 'DROP TABLE orders' # expect: FB1003
